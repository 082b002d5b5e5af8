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
 * @param remediation    what to do, the rule's own response steps (the catalogue's {@code response})
 * @param triage         the rule's questions, answered where the evidence answers them
 * @param evidence       who, where and which sign-ins, bounded ({@link AlertEvidence})
 * @param pivots         the KQL query and Graph request that show the alert's sign-ins
 * @param update         true for an update of an open incident: same {@code alertId}, the counts and
 *                       evidence so far; a consumer keeping the latest record per id sees one incident
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
        AttackIds attack,
        List<TriageAnswer> triage,
        AlertEvidence evidence,
        AlertPivots pivots,
        boolean update) {

    public Alert {
        correlationIds = correlationIds == null ? List.of() : List.copyOf(correlationIds);
        remediation = remediation == null ? List.of() : List.copyOf(remediation);
        attack = attack == null ? AttackIds.NONE : attack;
        triage = triage == null ? List.of() : List.copyOf(triage);
        evidence = evidence == null ? AlertEvidence.NONE : evidence;
        pivots = pivots == null ? AlertPivots.NONE : pivots;
    }

    /** An alert without triage, evidence or pivots: as rules raise it, before {@code AlertDetails} completes it. */
    public Alert(String alertId, String rule, Severity severity, String tenantId, AlertEntity entity,
                 Instant windowStart, Instant windowEnd, Instant firstSeen, Instant lastSeen, long count,
                 long threshold, Integer distinctUsers, Integer distinctIps, List<String> correlationIds,
                 String summary, List<String> remediation, Instant detectedAt, String relatedAlertId,
                 AttackIds attack) {
        this(alertId, rule, severity, tenantId, entity, windowStart, windowEnd, firstSeen, lastSeen, count, threshold,
                distinctUsers, distinctIps, correlationIds, summary, remediation, detectedAt, relatedAlertId, attack,
                List.of(), AlertEvidence.NONE, AlertPivots.NONE, false);
    }

    /** This alert with its rule's response, answered triage, evidence and pivots. */
    public Alert withDetails(List<String> response, List<TriageAnswer> answers, AlertEvidence evidenceKept,
                             AlertPivots pivotsToSignIns) {
        return new Alert(alertId, rule, severity, tenantId, entity, windowStart, windowEnd, firstSeen, lastSeen, count,
                threshold, distinctUsers, distinctIps, correlationIds, summary, response, detectedAt, relatedAlertId,
                attack, answers, evidenceKept, pivotsToSignIns, update);
    }

    /** This alert as an update of the open incident {@code incidentAlertId}: its id, flagged as an update. */
    public Alert asUpdateOf(String incidentAlertId) {
        return new Alert(incidentAlertId, rule, severity, tenantId, entity, windowStart, windowEnd, firstSeen, lastSeen,
                count, threshold, distinctUsers, distinctIps, correlationIds, summary, remediation, detectedAt,
                relatedAlertId, attack, triage, evidence, pivots, true);
    }
}
