package io.gatewatch.diagnose;

import io.gatewatch.schema.Category;
import java.time.Instant;
import java.util.List;

/**
 * The helpdesk's answer for one user: {@code ok}, {@code problem}, or {@code unknown} when no
 * sign-in of the user is known; the current problems, the
 * one blocking the user now first; every checklist item's status; and the recent sign-ins with
 * their support-ticket fields, newest first.
 */
public record Diagnosis(String userPrincipalName, String tenantId, String status, List<Problem> problems,
                        List<CheckStatus> checks, List<SignInSummary> recentSignIns) {

    /** A failure nothing has cleared yet: since when, how often, what it looked like, what to do. */
    public record Problem(Category category, String check, Instant since, Instant lastSeen, int count, String evidence,
                          List<String> remediation) {
    }

    /** One checklist item: {@code ok}, {@code problem}, or {@code unknown} when the history says nothing. */
    public record CheckStatus(String check, String status, Category category) {
    }
}
