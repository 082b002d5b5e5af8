package io.gatewatch.rules;

import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;
import java.time.Duration;
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
                dynamicsMissingRole(settings), dynamicsRegionMismatch(settings));
    }

    static EventRule accountLockout(RuleSettings settings) {
        return event -> is(event, Category.ACCOUNT_LOCKED)
                ? Optional.of(new Detection("ACCOUNT_LOCKOUT", Severity.MEDIUM, user(event.event()),
                "Account " + upn(event.event()) + " was locked out by smart lockout.",
                settings.suppression("ACCOUNT_LOCKOUT", Duration.ofHours(1))))
                : Optional.empty();
    }

    static EventRule mfaDenial(RuleSettings settings) {
        return event -> {
            if (!is(event, Category.MFA_DENIED)) {
                return Optional.empty();
            }
            boolean fraud = event.classification().fraudReported();
            String rule = fraud ? "MFA_FRAUD_REPORTED" : "MFA_DENIED";
            String summary = fraud
                    ? upn(event.event()) + " reported an MFA prompt as fraud: the password is likely known to an attacker."
                    : upn(event.event()) + " denied or ignored an MFA prompt.";
            return Optional.of(new Detection(rule, fraud ? Severity.HIGH : Severity.MEDIUM, user(event.event()),
                    summary, settings.suppression(rule, Duration.ofHours(1))));
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
            return Optional.of(new Detection("RISKY_SIGN_IN", Severity.HIGH, user(event.event()), summary,
                    settings.suppression("RISKY_SIGN_IN", Duration.ofHours(1))));
        };
    }

    static EventRule dynamicsMissingRole(RuleSettings settings) {
        return event -> is(event, Category.MISSING_SECURITY_ROLE) && event.event() instanceof DynamicsAccessEvent d
                ? Optional.of(new Detection("DYNAMICS_MISSING_ROLE", Severity.MEDIUM, userAndOrg(d),
                upn(d) + " has no Dynamics 365 security role in " + host(d) + ".",
                settings.suppression("DYNAMICS_MISSING_ROLE", Duration.ofHours(24))))
                : Optional.empty();
    }

    static EventRule dynamicsRegionMismatch(RuleSettings settings) {
        return event -> is(event, Category.REGIONAL_URL_MISMATCH) && event.event() instanceof DynamicsAccessEvent d
                ? Optional.of(new Detection("DYNAMICS_REGION_MISMATCH", Severity.MEDIUM, userAndOrg(d),
                upn(d) + " used the wrong regional URL " + host(d) + " for the organisation.",
                settings.suppression("DYNAMICS_REGION_MISMATCH", Duration.ofHours(24))))
                : Optional.empty();
    }

    private static boolean is(ClassifiedEvent event, Category category) {
        return event.classification().category() == category;
    }

    private static AlertEntity user(InputEvent event) {
        return new AlertEntity("user", upn(event));
    }

    private static AlertEntity userAndOrg(DynamicsAccessEvent event) {
        return new AlertEntity("user+org", upn(event) + "|" + host(event));
    }

    private static String upn(InputEvent event) {
        return event.userPrincipalName() == null ? "(unknown user)" : event.userPrincipalName().toLowerCase(Locale.ROOT);
    }

    private static String host(DynamicsAccessEvent event) {
        try {
            String host = java.net.URI.create(event.requestedUrl().trim()).getHost();
            return host == null ? event.requestedUrl() : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "(unparsable URL)";
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
