package io.gatewatch.rules;

import io.gatewatch.schema.Alert;

/**
 * The incident one rule last alerted on for one entity: until when (event time) further findings
 * belong to it, the alert that opened it, which an escalation references and an update repeats,
 * and when (event time of its finding) it was last reported, by that alert or an update.
 */
public record Incident(long suppressedUntilMs, String alertId, long alertTimeMs, boolean escalated,
                       long lastReportMs) {

    /** No incident yet: nothing is suppressed. */
    public static final Incident NONE = new Incident(Long.MIN_VALUE, null, Long.MIN_VALUE, false);

    /** An incident not updated since its alert: last reported by the alert that opened it. */
    public Incident(long suppressedUntilMs, String alertId, long alertTimeMs, boolean escalated) {
        this(suppressedUntilMs, alertId, alertTimeMs, escalated, alertTimeMs);
    }

    /** An incident known only by its end, as the per-event rules' store keeps it. */
    public static Incident until(long suppressedUntilMs) {
        return new Incident(suppressedUntilMs, null, Long.MIN_VALUE, false);
    }

    public boolean suppresses(long timeMs) {
        return timeMs < suppressedUntilMs;
    }

    /**
     * True when this incident was opened by the alert {@code alert} for a finding at {@code atMs}:
     * the same finding again, as an at-least-once replay brings it after a crash that kept the
     * incident (its state reached the changelog) but maybe not the alert (still in flight). The
     * per-event rules' store keeps only the end, which that finding alone gives: {@code atMs} plus
     * the suppression.
     */
    public boolean openedBy(Alert alert, long atMs, long suppressionMs) {
        return alertId != null ? alertId.equals(alert.alertId()) && alertTimeMs == atMs
                : suppressedUntilMs == atMs + suppressionMs;
    }

    /**
     * True when a finding at {@code atMs} may update the open incident: its alert is known, and the
     * last report is at least {@code intervalMs} older, or is this very finding met again (a replay of
     * an update whose alert may have been lost).
     */
    boolean updatableAt(long atMs, long intervalMs) {
        return intervalMs > 0 && alertId != null
                && (atMs >= lastReportMs + intervalMs || atMs == lastReportMs && atMs != alertTimeMs);
    }

    Incident escalate() {
        return new Incident(suppressedUntilMs, alertId, alertTimeMs, true, lastReportMs);
    }

    Incident reportedAt(long atMs) {
        return new Incident(suppressedUntilMs, alertId, alertTimeMs, escalated, Math.max(lastReportMs, atMs));
    }
}
