package io.gatewatch.rules;

import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules that fire on one event (DESIGN §6): ACCOUNT_LOCKOUT, MFA_DENIED / MFA_FRAUD_REPORTED,
 * RISKY_SIGN_IN, DYNAMICS_MISSING_ROLE and DYNAMICS_REGION_MISMATCH. Each is a small lambda over
 * the classification; suppression periods come from {@link RuleSettings}.
 */
public final class PerEventRules {

    private PerEventRules() {
    }

    public static List<EventRule> all(RuleSettings settings) {
        return List.of(accountLockout(settings), mfaDenial(settings), riskySignIn(settings),
                dynamics(settings, "DYNAMICS_MISSING_ROLE", Category.MISSING_SECURITY_ROLE,
                        " has no Dynamics 365 security role in {host}."),
                dynamics(settings, "DYNAMICS_REGION_MISMATCH", Category.REGIONAL_URL_MISMATCH,
                        " used the wrong regional URL {host} for the organisation."));
    }

    static EventRule accountLockout(RuleSettings settings) {
        return event -> is(event, Category.ACCOUNT_LOCKED)
                ? Optional.of(finding("ACCOUNT_LOCKOUT", Severity.MEDIUM, user(event.event()),
                "Account " + upn(event.event()) + " was locked out by smart lockout.", event, settings))
                : Optional.empty();
    }

    static EventRule mfaDenial(RuleSettings settings) {
        return event -> {
            if (!is(event, Category.MFA_DENIED)) {
                return Optional.empty();
            }
            boolean fraud = event.classification().fraudReported();
            String summary = fraud
                    ? upn(event.event()) + " reported an MFA prompt as fraud: the password is likely known to an attacker."
                    : upn(event.event()) + " declined an MFA prompt they did not expect.";
            return Optional.of(finding(fraud ? "MFA_FRAUD_REPORTED" : "MFA_DENIED",
                    fraud ? Severity.HIGH : Severity.MEDIUM, user(event.event()), summary, event, settings));
        };
    }

    /** RISK_BLOCKED, or a successful sign-in at high risk that was neither remediated nor dismissed. */
    static EventRule riskySignIn(RuleSettings settings) {
        return event -> {
            boolean blocked = is(event, Category.RISK_BLOCKED);
            boolean riskySuccess = event.classification().outcome() == Outcome.SUCCESS
                    && event.event() instanceof SignInEvent s
                    && "high".equalsIgnoreCase(s.riskLevelDuringSignIn())
                    && !List.of("remediated", "dismissed").contains(lower(s.riskState()));
            if (!blocked && !riskySuccess) {
                return Optional.empty();
            }
            String summary = blocked
                    ? "Identity Protection blocked a risky sign-in for " + upn(event.event()) + "."
                    : upn(event.event()) + " signed in successfully at high sign-in risk, not remediated.";
            return Optional.of(finding("RISKY_SIGN_IN", Severity.HIGH, user(event.event()), summary, event, settings));
        };
    }

    /** A Dynamics access of one category, per user and org host; {@code sentence} follows the user's name. */
    static EventRule dynamics(RuleSettings settings, String rule, Category category, String sentence) {
        return event -> is(event, category) && event.event() instanceof DynamicsAccessEvent d
                ? Optional.of(finding(rule, Severity.MEDIUM, new AlertEntity("user+org", upn(d) + "|" + host(d)),
                upn(d) + sentence.replace("{host}", host(d)), event, settings))
                : Optional.empty();
    }

    /** A one-event finding: the window runs from the event for the suppression period. */
    private static Finding finding(String rule, Severity severity, AlertEntity entity, String summary,
                                   ClassifiedEvent classified, RuleSettings settings) {
        InputEvent event = classified.event();
        Instant time = event.createdDateTime();
        Duration suppression = settings.suppression(rule);
        String correlationId = event instanceof SignInEvent s && s.correlationId() != null ? s.correlationId() : event.id();
        return new Finding(rule, severity, entity, summary, time, time, time.plus(suppression), time, time, 1, 1, 1,
                event.ipAddress() == null ? 0 : 1, List.of(correlationId), suppression, false);
    }

    private static boolean is(ClassifiedEvent event, Category category) {
        return event.classification().category() == category;
    }

    private static AlertEntity user(InputEvent event) {
        return new AlertEntity("user", upn(event));
    }

    private static String upn(InputEvent event) {
        return event.userPrincipalName() == null ? "(unknown user)" : event.userPrincipalName().toLowerCase(Locale.ROOT);
    }

    private static String host(DynamicsAccessEvent event) {
        try {
            String host = URI.create(event.requestedUrl().trim()).getHost();
            return host == null ? event.requestedUrl() : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "(unparsable URL)";
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
