package io.gatewatch.generator.evaluate;

import io.gatewatch.generator.scenario.Label;
import io.gatewatch.schema.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores alerts against the generator's labels. A label expecting an alert is detected when an
 * alert of its rule names its tenant and entity with evidence ({@code lastSeen}) inside its
 * time range; its delay is that evidence time minus the scenario start. An alert no
 * {@code alert} or {@code may} label covers is a false positive, and it also counts against a
 * near miss it falls on.
 */
public final class DetectionScorer {

    private DetectionScorer() {
    }

    public static Scorecard score(Collection<Label> labels, Collection<Alert> allAlerts) {
        // an update is its incident again, scored by the alert that opened it (a consumer keeps one record per id)
        List<Alert> alerts = allAlerts.stream().filter(a -> !a.update()).toList();
        Map<String, RuleScore> rules = new TreeMap<>();
        for (Label label : labels) {
            RuleScore score = rules.computeIfAbsent(label.rule(), RuleScore::new);
            if (label.expect() == Label.Expect.ALERT) {
                score.expected++;
                Instant first = alerts.stream().filter(a -> covers(label, a)).map(Alert::lastSeen)
                        .min(Instant::compareTo).orElse(null);
                if (first == null) {
                    score.missedScenarios.add(label.scenario());
                } else {
                    score.detected++;
                    score.delays.add(Duration.between(label.start(), first));
                }
            } else if (label.expect() == Label.Expect.NONE) {
                score.nearMisses++;
                score.nearMissesFired += alerts.stream().anyMatch(a -> covers(label, a)) ? 1 : 0;
            }
        }
        for (Alert alert : alerts) {
            boolean expected = labels.stream().anyMatch(l -> l.expect() == Label.Expect.ALERT && covers(l, alert));
            boolean allowed = labels.stream().anyMatch(l -> l.expect() == Label.Expect.MAY && covers(l, alert));
            if (!expected && allowed) {
                rules.computeIfAbsent(alert.rule(), RuleScore::new).sideEffects++;
            } else if (!expected) {
                rules.computeIfAbsent(alert.rule(), RuleScore::new).falsePositives++;
            }
        }
        return new Scorecard(List.copyOf(rules.values()));
    }

    private static boolean covers(Label label, Alert alert) {
        return alert.lastSeen() != null && label.covers(alert.rule(), alert.tenantId(), alert.entity(), alert.lastSeen());
    }
}
