package io.gatewatch.schema;

import java.time.Instant;
import java.util.List;

/**
 * One detection, fired once per incident (DESIGN §6). {@code alertId} is derived from rule,
 * tenant, entity and window, so replaying the same input gives the same ids.
 *
 * @param relatedAlertId for an escalation (success after brute force, ...), the alert it escalates
 * @param attack         the rule's MITRE ATT&CK tactic and technique ids; {@link AttackIds#NONE} for an
 *                       operational rule and for an alert written before alerts carried them (no
 *                       {@code attack} in its JSON)
 */
public record Alert(
        String alertId,
        String rule,
        Severity severity,
        String tenantId,
        AlertEntity entity,
        Instant windowStart,
        Instant windowEnd,
        Instant firstSeen,
        Instant lastSeen,
        long count,
        long threshold,
        Integer distinctUsers,
        Integer distinctIps,
        List<String> correlationIds,
        String summary,
        List<String> remediation,
        Instant detectedAt,
        String relatedAlertId,
        AttackIds attack) {

    public Alert {
        correlationIds = correlationIds == null ? List.of() : List.copyOf(correlationIds);
        remediation = remediation == null ? List.of() : List.copyOf(remediation);
        attack = attack == null ? AttackIds.NONE : attack;
    }
}
