package io.gatewatch.generator.demo;

import io.gatewatch.generator.scenario.Label;
import io.gatewatch.schema.AlertEntity;
import java.time.Instant;
import java.util.List;

/**
 * One attack the demo put into its traffic, as the console announces it: which scenario, on which
 * tenant, from when, and the labels saying which alerts it should raise ({@code alert}) or may
 * raise as a true side effect ({@code may}).
 */
public record PlantedScenario(String scenario, String description, String tenantId, Instant at, List<Label> labels) {

    public PlantedScenario {
        labels = List.copyOf(labels);
    }

    /** The rules this scenario must raise, in label order. */
    public List<String> expectedRules() {
        return labels.stream().filter(l -> l.expect() == Label.Expect.ALERT).map(Label::rule).distinct().toList();
    }

    /** The entities the expected alerts name. */
    public List<AlertEntity> targets() {
        return labels.stream().filter(l -> l.expect() == Label.Expect.ALERT).map(Label::entity).distinct().toList();
    }

    /** True when an alert of this rule, tenant and entity, last seen at {@code seen}, is one this scenario explains. */
    public boolean explains(String rule, String alertTenant, AlertEntity entity, Instant seen) {
        return labels.stream().filter(l -> l.expect() != Label.Expect.NONE)
                .anyMatch(l -> l.covers(rule, alertTenant, entity, seen));
    }
}
