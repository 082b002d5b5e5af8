package io.gatewatch.rules;

import io.gatewatch.rules.catalogue.RuleDefinition;
import io.gatewatch.rules.catalogue.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that fire on one event: the catalogue's enabled {@code match} rules, in catalogue
 * order (the shipped ones: ACCOUNT_LOCKOUT, MFA_FRAUD_REPORTED, MFA_DENIED, RISKY_SIGN_IN,
 * DYNAMICS_MISSING_ROLE, DYNAMICS_REGION_MISMATCH).
 */
public final class PerEventRules {

    private PerEventRules() {
    }

    public static List<EventRule> all(RuleSettings settings) {
        List<EventRule> rules = new ArrayList<>();
        for (RuleDefinition definition : settings.catalogue().all()) {
            if (definition.shape() == Shape.MATCH && settings.enabled(definition.id())) {
                rules.add(new MatchRule(definition, settings));
            }
        }
        return List.copyOf(rules);
    }
}
