package io.gatewatch.rules.windowed;

import io.gatewatch.rules.AlertFactory;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.ClassifiedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs windowed rules over one tenant's classified events: each (rule, entity) has a sliding
 * {@link EntityWindow}. An observation older than its window's newest event by more than the
 * grace period is late and ignored; a finding raises an alert unless the entity is suppressed;
 * an escalation raises one more that references the first. Plain Java: the streams stage gives
 * it a state store, tests give it a map.
 */
public final class WindowedRuleEngine {

    /** Where windows live between events. */
    public interface Windows {
        EntityWindow get(String key);

        void put(String key, EntityWindow window);

        /** Windows kept by a getter and a setter: a state store, or a map in tests. */
        static Windows of(java.util.function.Function<String, EntityWindow> get,
                          java.util.function.BiConsumer<String, EntityWindow> put) {
            return new Windows() {
                @Override
                public EntityWindow get(String key) {
                    return get.apply(key);
                }

                @Override
                public void put(String key, EntityWindow window) {
                    put.accept(key, window);
                }
            };
        }
    }

    private final List<WindowedRule> rules;
    private final long graceMs;

    public WindowedRuleEngine(List<WindowedRule> rules, Duration grace) {
        this.rules = rules;
        this.graceMs = grace.toMillis();
    }

    /** Feeds one event to every rule; returns the alerts it raised. */
    public List<Alert> process(String tenant, ClassifiedEvent event, Windows windows, Instant detectedAt) {
        List<Alert> alerts = new ArrayList<>();
        for (WindowedRule rule : rules) {
            for (WindowedRule.Keyed keyed : rule.observe(event)) {
                String key = rule.name() + "|" + tenant + "|" + keyed.entityType() + "|" + keyed.entityValue();
                EntityWindow stored = windows.get(key);
                if (stored == null && !keyed.opensWindow()) {
                    continue;
                }
                EntityWindow window = stored == null ? new EntityWindow() : stored;
                if (window.isLate(keyed.observation().timeMs(), graceMs)) {
                    continue;
                }
                window.add(keyed.observation(), rule.window().toMillis(), rule.cap(),
                        rule.latestPerUser(keyed.observation().kind()));
                rule.evaluate(window, keyed.observation()).ifPresent(finding -> raise(rule, window, finding, tenant,
                        new AlertEntity(keyed.entityType(), keyed.entityValue()), event, detectedAt, alerts));
                windows.put(key, window);
            }
        }
        return alerts;
    }

    private static void raise(WindowedRule rule, EntityWindow window, Finding finding, String tenant, AlertEntity entity,
                              ClassifiedEvent event, Instant detectedAt, List<Alert> alerts) {
        long time = finding.evidence().get(finding.evidence().size() - 1).timeMs();
        if (!finding.escalation() && window.suppressedAt(time)) {
            return;
        }
        Alert alert = AlertFactory.fromFinding(finding, tenant, entity, rule.window(),
                event.classification().remediation(), detectedAt, finding.escalation() ? window.lastAlertId : null);
        if (finding.escalation()) {
            window.escalated = true;
        } else {
            window.suppressedUntilMs = time + rule.suppression().toMillis();
            window.lastAlertId = alert.alertId();
            window.lastAlertTimeMs = time;
            window.escalated = false;
        }
        alerts.add(alert);
    }
}
