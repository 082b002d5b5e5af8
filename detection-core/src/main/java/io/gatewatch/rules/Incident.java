package io.gatewatch.rules;

/**
 * The incident one rule last alerted on for one entity: until when (event time) further findings
 * belong to it, and the alert that opened it, which an escalation references.
 */
public record Incident(long suppressedUntilMs, String alertId, long alertTimeMs, boolean escalated) {

    /** No incident yet: nothing is suppressed. */
    public static final Incident NONE = new Incident(Long.MIN_VALUE, null, Long.MIN_VALUE, false);

    /** An incident known only by its end, as the per-event rules' store keeps it. */
    public static Incident until(long suppressedUntilMs) {
        return new Incident(suppressedUntilMs, null, Long.MIN_VALUE, false);
    }

    public boolean suppresses(long timeMs) {
        return timeMs < suppressedUntilMs;
    }

    Incident escalate() {
        return new Incident(suppressedUntilMs, alertId, alertTimeMs, true);
    }
}
