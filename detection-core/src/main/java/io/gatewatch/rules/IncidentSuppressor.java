package io.gatewatch.rules;

import io.gatewatch.schema.AttackIds;
import io.gatewatch.schema.Alert;
import java.time.Instant;
import java.util.List;

/**
 * One alert per incident, for every rule family: a finding inside the suppression period of the
 * entity's last alert belongs to that incident and raises nothing; an escalation always raises
 * one, referencing the alert it escalates, and keeps the incident open.
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

    /** @param attack the rule's ATT&CK ids, which the alert carries */
    public static Decision admit(Incident current, Finding finding, String tenant, List<String> remediation,
                                 Instant detectedAt, AttackIds attack) {
        long at = finding.at().toEpochMilli();
        if (finding.escalation()) {
            Alert alert = AlertFactory.create(finding, tenant, remediation, detectedAt, current.alertId(), attack);
            return new Decision(alert, current.escalate());
        }
        if (current.suppresses(at)) {
            return new Decision(null, current);
        }
        Alert alert = AlertFactory.create(finding, tenant, remediation, detectedAt, null, attack);
        return new Decision(alert, new Incident(at + finding.suppression().toMillis(), alert.alertId(), at, false));
    }
}
