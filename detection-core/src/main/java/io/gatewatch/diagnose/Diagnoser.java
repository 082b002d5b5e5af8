package io.gatewatch.diagnose;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Answers the helpdesk checklist from a user's recent history. A failure is a current problem
 * only while nothing cleared it: a later success in its scope (any sign-in for a lockout, the same
 * app for a Conditional Access block, the same org for a Dynamics role) turns it into history.
 * A HIGH or CRITICAL security alert on the user outranks the checklist: the caller asking the
 * helpdesk to unlock or reset the account may be the attacker.
 */
public final class Diagnoser {

    private final ClassificationData data;

    public Diagnoser(ClassificationData data) {
        this.data = data;
    }

    /** The checklist alone, for a user no alert is known about. */
    public Diagnosis diagnose(String userPrincipalName, String tenantId, UserHistory history) {
        return diagnose(userPrincipalName, tenantId, history, List.of());
    }

    /** @param alerts the security alerts concerning the user ({@link UserAlerts}), newest first */
    public Diagnosis diagnose(String userPrincipalName, String tenantId, UserHistory history,
                              List<Diagnosis.SecurityAlert> alerts) {
        List<SignInSummary> events = history.recent();
        Map<Check, List<SignInSummary>> current = new EnumMap<>(Check.class);
        for (int i = 0; i < events.size(); i++) {
            SignInSummary event = events.get(i);
            Check check = Check.of(event.category());
            if (check != null && event.outcome() != Outcome.SUCCESS && !clearedLater(check, event, events, i)) {
                current.computeIfAbsent(check, c -> new ArrayList<>()).add(event);
            }
        }
        List<Diagnosis.Problem> problems = new ArrayList<>();
        current.forEach((check, failures) -> problems.add(problem(check, failures)));
        // the problem blocking the user now is the one they hit last
        problems.sort(Comparator.comparing(Diagnosis.Problem::lastSeen).reversed()
                .thenComparing(p -> data.info(p.category()).severity()));
        List<Diagnosis.CheckStatus> checks = new ArrayList<>();
        for (Check check : Check.values()) {
            checks.add(status(check, current.get(check), events));
        }
        List<SignInSummary> newestFirst = new ArrayList<>(events);
        newestFirst.sort(Comparator.comparing(SignInSummary::createdDateTime).reversed());
        String headline = headline(alerts);
        String status = headline != null ? "alert" : events.isEmpty() ? "unknown" : problems.isEmpty() ? "ok" : "problem";
        return new Diagnosis(userPrincipalName, tenantId, status, headline, alerts, problems, checks, newestFirst);
    }

    /** What to do about the most severe (then newest) HIGH or CRITICAL alert; null without one. */
    static String headline(List<Diagnosis.SecurityAlert> alerts) {
        Diagnosis.SecurityAlert worst = null;
        for (Diagnosis.SecurityAlert alert : alerts) {
            if (alert.escalates() && (worst == null || alert.severity().compareTo(worst.severity()) > 0)) {
                worst = alert; // newest first: an equal severity later in the list is older
            }
        }
        if (worst == null) {
            return null;
        }
        // a CRITICAL alert is an attack that succeeded (a guessed password, an approved prompt); a HIGH one may not have
        String verdict = worst.severity() == Severity.CRITICAL ? "treat the account as compromised"
                : "the account may be under attack";
        return "security alert: " + worst.rule() + " (" + worst.severity() + ") at " + worst.lastSeen() + " — "
                + verdict + "; escalate to security before unlocking the account or resetting its password or MFA"
                + " for the caller";
    }

    private static boolean clearedLater(Check check, SignInSummary failure, List<SignInSummary> events, int index) {
        for (int j = index + 1; j < events.size(); j++) {
            SignInSummary later = events.get(j);
            if (later.outcome() == Outcome.SUCCESS && check.clears(later, failure)) {
                return true;
            }
        }
        return false;
    }

    private Diagnosis.Problem problem(Check check, List<SignInSummary> failures) {
        SignInSummary first = failures.get(0);
        SignInSummary last = failures.get(failures.size() - 1);
        Category category = last.category();
        List<String> remediation = last.remediation().isEmpty() ? data.info(category).remediation() : last.remediation();
        return new Diagnosis.Problem(category, check.id(), first.createdDateTime(), last.createdDateTime(),
                failures.size(), evidence(failures.size(), last), remediation);
    }

    private static String evidence(int count, SignInSummary last) {
        StringBuilder text = new StringBuilder().append(count).append(count == 1 ? " attempt" : " attempts")
                .append(" failed with ").append(last.errorCode() == 0 ? last.category().name()
                        : String.valueOf(last.errorCode()));
        if (last.failureReason() != null) {
            text.append(" (").append(last.failureReason()).append(')');
        }
        text.append("; last at ").append(last.createdDateTime());
        if (last.appDisplayName() != null) {
            text.append(" to ").append(last.dynamics() ? last.resource() : last.appDisplayName());
        }
        if (last.ipAddress() != null) {
            text.append(" from ").append(last.ipAddress());
        }
        if (last.correlationId() != null) {
            text.append(", correlation id ").append(last.correlationId());
        }
        return text.toString();
    }

    private static Diagnosis.CheckStatus status(Check check, List<SignInSummary> failures, List<SignInSummary> events) {
        Category shown = check.categories().get(0);
        if (failures != null) {
            return new Diagnosis.CheckStatus(check.id(), "problem", failures.get(failures.size() - 1).category());
        }
        boolean passed = events.stream().anyMatch(e -> e.outcome() == Outcome.SUCCESS && check.passedBy(e));
        return new Diagnosis.CheckStatus(check.id(), passed ? "ok" : "unknown", shown);
    }
}
