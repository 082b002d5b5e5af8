package io.gatewatch.rules.windowed;

import io.gatewatch.rules.IncidentSuppressor;
import io.gatewatch.rules.RuleEngine;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.state.StateView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every windowed rule over one event: adds the event's observations to the windows they
 * belong to (observations later than the grace period behind the window are dropped), evaluates
 * each rule and lets one alert through per incident ({@link IncidentSuppressor}): an escalation
 * raises one more that references the first. Plain Java: the streams stage gives it a state
 * store, tests and offline runs a map.
 */
public final class WindowedRuleEngine implements RuleEngine<EntityWindow> {

    /** Windows idle this long (plus grace) can go: longer than any rule's window. */
    public static final Duration LONGEST_WINDOW = Duration.ofHours(48);

    private final List<WindowedRule> rules;
    private final long graceMs;

    public WindowedRuleEngine(List<WindowedRule> rules, Duration grace) {
        this.rules = rules;
        this.graceMs = grace.toMillis();
    }

    /** Feeds one event to every rule; returns the alerts it raised. */
    @Override
    public List<Alert> process(String tenant, ClassifiedEvent event, StateView<EntityWindow> windows, Instant detectedAt) {
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
                AlertEntity entity = new AlertEntity(keyed.entityType(), keyed.entityValue());
                rule.evaluate(entity, window, keyed.observation()).ifPresent(finding -> {
                    IncidentSuppressor.Decision decision = IncidentSuppressor.admit(window.incident(), finding, tenant,
                            event.classification().remediation(), detectedAt);
                    if (decision.raised()) {
                        window.incident(decision.incident());
                        alerts.add(decision.alert());
                    }
                });
                windows.put(key, window);
            }
        }
        return alerts;
    }

    /** A window idle past every rule's reach, with no incident still suppressing. */
    @Override
    public boolean expired(EntityWindow window, long nowMs) {
        return window.idleAt(nowMs, LONGEST_WINDOW.toMillis() + graceMs);
    }
}
