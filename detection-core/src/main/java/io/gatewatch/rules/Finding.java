package io.gatewatch.rules;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What any rule concluded, before suppression: the one result type of every rule family
 * (per-event, windowed, baseline), turned into an alert by {@link IncidentSuppressor} and
 * {@link AlertFactory}.
 *
 * @param at          the moment the finding is about; the suppression period runs from here
 *                    (the event, the window's newest evidence, the baseline's hour)
 * @param firstSeen   the incident's first evidence: with rule, tenant and entity it names the alert
 * @param escalation  a follow-up (success after brute force, after MFA fatigue) that is raised even
 *                    inside the suppression period and references the alert it escalates
 * @param observed    a windowed rule's evidence as its window keeps it, for the alert's evidence
 *                    (built only when an alert is raised); empty for the other families
 */
public record Finding(String rule, Severity severity, AlertEntity entity, String summary,
                      Instant at, Instant windowStart, Instant windowEnd, Instant firstSeen, Instant lastSeen,
                      long count, long threshold, Integer distinctUsers, Integer distinctIps,
                      List<String> correlationIds, Duration suppression, boolean escalation,
                      List<Observation> observed) {

    /** Evidence ids kept on an alert; enough to pivot into the logs without bloating the topic. */
    public static final int MAX_CORRELATION_IDS = 20;

    public Finding {
        correlationIds = correlationIds.stream().distinct().limit(MAX_CORRELATION_IDS).toList();
        observed = observed == null ? List.of() : observed;
    }

    /** A finding of a per-event or baseline rule: no window behind it. */
    public Finding(String rule, Severity severity, AlertEntity entity, String summary, Instant at, Instant windowStart,
                   Instant windowEnd, Instant firstSeen, Instant lastSeen, long count, long threshold,
                   Integer distinctUsers, Integer distinctIps, List<String> correlationIds, Duration suppression,
                   boolean escalation) {
        this(rule, severity, entity, summary, at, windowStart, windowEnd, firstSeen, lastSeen, count, threshold,
                distinctUsers, distinctIps, correlationIds, suppression, escalation, List.of());
    }
}
