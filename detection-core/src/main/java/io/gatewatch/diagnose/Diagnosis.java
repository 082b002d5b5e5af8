package io.gatewatch.diagnose;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Severity;
import java.time.Instant;
import java.util.List;

/**
 * The helpdesk's answer for one user: {@code alert} when a HIGH or CRITICAL security alert
 * concerns the user (whatever the checklist says), else {@code problem}, {@code ok}, or
 * {@code unknown} when no sign-in of the user is known; the headline that says what to do about
 * such an alert; the security alerts concerning the user, newest first; the current problems, the
 * one blocking the user now first; every checklist item's status; and the recent sign-ins with
 * their support-ticket fields, newest first.
 *
 * @param headline null unless the status is {@code alert}
 */
public record Diagnosis(String userPrincipalName, String tenantId, String status, String headline,
                        List<SecurityAlert> alerts, List<Problem> problems, List<CheckStatus> checks,
                        List<SignInSummary> recentSignIns) {

    public Diagnosis {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** A security alert as the helpdesk is shown it: what fired, how bad, when, on what, what to do. */
    public record SecurityAlert(String alertId, String rule, Severity severity, AlertEntity entity, Instant firstSeen,
                                Instant lastSeen, String summary, List<String> remediation) {

        public static SecurityAlert of(Alert alert) {
            return new SecurityAlert(alert.alertId(), alert.rule(), alert.severity(), alert.entity(), alert.firstSeen(),
                    alert.lastSeen(), alert.summary(), alert.remediation());
        }

        /** HIGH and CRITICAL alerts: the helpdesk escalates before it helps the caller. */
        public boolean escalates() {
            return severity != null && severity.compareTo(Severity.HIGH) >= 0;
        }
    }

    /** A failure nothing has cleared yet: since when, how often, what it looked like, what to do. */
    public record Problem(Category category, String check, Instant since, Instant lastSeen, int count, String evidence,
                          List<String> remediation) {
    }

    /** One checklist item: {@code ok}, {@code problem}, or {@code unknown} when the history says nothing. */
    public record CheckStatus(String check, String status, Category category) {
    }
}
