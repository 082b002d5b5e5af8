package io.gatewatch.rules;

import io.gatewatch.rules.detail.AlertDetails;
import io.gatewatch.rules.detail.EvidenceCollector;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.state.StateView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the per-event rules over one event and lets one alert through per incident. All that is
 * remembered is, per rule, tenant and entity, until when further findings are suppressed; a rule
 * removed since leaves its incidents to expire with their suppression, read by no rule meanwhile.
 */
public final class EventRuleEngine implements RuleEngine<Long> {

    private final List<EventRule> rules;
    private final RuleSettings settings;
    private final AlertDetails details;

    /** @param settings where each alert's ATT&CK ids come from */
    public EventRuleEngine(List<EventRule> rules, RuleSettings settings) {
        this.rules = List.copyOf(rules);
        this.settings = settings;
        this.details = new AlertDetails(settings.catalogue());
    }

    /**
     * The incident key of a per-event finding: its rule's state key, tenant and entity. A shipped
     * rule's state key is its name, so incidents stored before rules had keys stay readable; a rule
     * file's rule redefined under the same id is not suppressed by the old definition's incident.
     */
    private String incidentKey(Finding finding, String tenant) {
        return settings.catalogue().stateKey(finding.rule()) + "|" + tenant + "|" + finding.entity().value();
    }

    @Override
    public List<Alert> process(String tenant, ClassifiedEvent event, StateView<Long> suppressedUntil,
                               Instant detectedAt) {
        List<Alert> alerts = new ArrayList<>();
        boolean workload = WorkloadIdentities.excludedFromUserRules(event);
        for (EventRule rule : rules) {
            if (rule.workloadIdentities() != workload) {
                continue; // user rules never see a workload identity's sign-in, nor workload rules a user's
            }
            rule.evaluate(event).ifPresent(finding -> {
                String key = incidentKey(finding, tenant);
                Long until = suppressedUntil.get(key);
                IncidentSuppressor.Decision decision = IncidentSuppressor.admit(
                        until == null ? Incident.NONE : Incident.until(until), finding, tenant,
                        event.classification().remediation(), detectedAt, settings.attack(finding.rule()),
                        event.event().createdDateTime());
                if (decision.raised()) {
                    suppressedUntil.put(key, decision.incident().suppressedUntilMs());
                    alerts.add(details.complete(decision.alert(), EvidenceCollector.ofEvent(event),
                            event.classification().remediation()));
                }
            });
        }
        return alerts;
    }

    /** An incident whose suppression has ended is over. */
    @Override
    public boolean expired(Long suppressedUntilMs, long nowMs) {
        return suppressedUntilMs < nowMs;
    }
}
