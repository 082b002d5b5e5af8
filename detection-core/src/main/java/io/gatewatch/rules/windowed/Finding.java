package io.gatewatch.rules.windowed;

import io.gatewatch.schema.Severity;
import java.util.List;

/**
 * A windowed rule's conclusion: the evidence for the alert. {@code escalation} marks a follow-up
 * (success after brute force, MFA success after fatigue) that gets its own alert referencing the
 * first one, even inside the suppression period.
 */
public record Finding(Severity severity, String summary, long count, long threshold, Integer distinctUsers,
                      Integer distinctIps, List<Observation> evidence, boolean escalation, String ruleName) {
}
