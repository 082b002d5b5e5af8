package io.gatewatch.rules;

import io.gatewatch.schema.AttackIds;
import io.gatewatch.schema.Alert;
import java.time.Instant;
import java.util.List;

/**
 * One alert per incident, for every rule family: a finding inside the suppression period of the
 * entity's last alert belongs to that incident and raises nothing; an escalation always raises
 * one, referencing the alert it escalates, and keeps the incident open. The finding that opened
 * the incident, met again, raises its alert again under the same id: under at-least-once a crash
 * can keep the incident (in the changelog) and lose the alert (in flight), and the replay must
 * not find itself suppressed — as dedup marks let a replayed record through.
 *
 * <p>An incident that grows is not silent: with an update interval, a finding inside the
 * suppression period at least that long after the incident was last reported raises the alert
 * again as an update — the incident's id, {@code "update": true}, the counts and evidence so far —
 * and the suppression period does not move, so nothing follows once the incident stops.
 */
public final class IncidentSuppressor {

    /** What admitting a finding decided: the alert to raise (none when suppressed) and the incident to keep. */
    public record Decision(Alert alert, Incident incident) {

        public boolean raised() {
            return alert != null;
        }
    }

    private IncidentSuppressor() {
    }

    /**
     * @param attack the rule's ATT&CK ids, which the alert carries
     * @param event  the event being processed: only the event a finding ends with can be its replay
     */
    public static Decision admit(Incident current, Finding finding, String tenant, List<String> remediation,
                                 Instant detectedAt, AttackIds attack, Instant event) {
        return admit(current, finding, tenant, remediation, detectedAt, attack, event, 0);
    }

    /** @param updateIntervalMs how often an open incident may be updated; 0: never */
    public static Decision admit(Incident current, Finding finding, String tenant, List<String> remediation,
                                 Instant detectedAt, AttackIds attack, Instant event, long updateIntervalMs) {
        long at = finding.at().toEpochMilli();
        if (finding.escalation()) {
            Alert alert = AlertFactory.create(finding, tenant, remediation, detectedAt, current.alertId(), attack);
            return new Decision(alert, current.escalate());
        }
        boolean updatable = current.suppresses(at) && current.updatableAt(at, updateIntervalMs);
        if (current.suppresses(at) && event.toEpochMilli() != at && !updatable) {
            return new Decision(null, current); // the common case while an attack goes on: no alert to build
        }
        Alert alert = AlertFactory.create(finding, tenant, remediation, detectedAt, null, attack);
        if (current.suppresses(at)) {
            // the finding that opened the incident, met again: a replay whose alert may have been lost, raised
            // again under the same id (consumers de-duplicate on it); any other finding belongs to the incident,
            // and updates it when the last report is an interval old
            if (current.openedBy(alert, at, finding.suppression().toMillis())) {
                return new Decision(alert, current);
            }
            return updatable ? new Decision(alert.asUpdateOf(current.alertId()), current.reportedAt(at))
                    : new Decision(null, current);
        }
        return new Decision(alert, new Incident(at + finding.suppression().toMillis(), alert.alertId(), at, false));
    }
}
