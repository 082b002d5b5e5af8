package io.gatewatch.rules.windowed;

import static io.gatewatch.rules.windowed.CountingRule.is;

import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Severity;
import java.util.List;
import java.util.Set;

/**
 * Every windowed rule and the public rule each is anchored on; their numbers (DESIGN §6 defaults)
 * are in the shipped rules.properties.
 */
public final class WindowedRules {

    /** Credential failures a spray or cracking attempt produces (Sentinel SigninPasswordSpray). */
    static final Set<Integer> SPRAY_CODES = Set.of(50126, 50053, 50055);

    private WindowedRules() {
    }

    public static List<WindowedRule> all(RuleSettings settings) {
        return List.of(
                // Panther 10 failures in 10 min; Sentinel: a success within 20 min escalates
                new BurstThenSuccessRule(new BurstThenSuccessRule.Spec("BRUTE_FORCE", "BRUTE_FORCE_SUCCESS",
                        Set.of(Category.INVALID_CREDENTIALS), false, Severity.MEDIUM,
                        (n, user, minutes, ips) -> n + " wrong passwords for " + user + " within " + minutes
                                + " min from " + ips + " IP address(es).",
                        " signed in after a brute-force attack: the password was likely guessed."), settings),
                new PasswordSprayRule(settings),
                // Sentinel MFASpamming: more than 10 denials or unanswered prompts in 5 min
                new BurstThenSuccessRule(new BurstThenSuccessRule.Spec("MFA_FATIGUE", "MFA_FATIGUE_SUCCESS",
                        Set.of(Category.MFA_DENIED, Category.MFA_UNANSWERED), true, Severity.HIGH,
                        (n, user, minutes, ips) -> n + " MFA prompts denied or ignored by " + user + " within "
                                + minutes + " min: MFA fatigue attack.",
                        " signed in after MFA prompt bombing: the attacker likely got an approval."), settings),
                new ImpossibleTravelRule(settings),
                // Sentinel DistribPassCrackAttempt: > 30 failures from >= 3 locations in a day
                new CountingRule(new CountingRule.Spec("DISTRIBUTED_CRACKING", "user", e -> Observations.user(e.event()),
                        e -> SPRAY_CODES.contains(e.classification().errorCode()), Observation::location, "locations",
                        Severity.HIGH,
                        "{count} credential failures from {distinct} within {window}: distributed password cracking."),
                        settings),
                // Elastic >= 30 lockouts / 25 users in 30 min; Panther 20 in 60 min: 20 across 15 users in 30 min
                new CountingRule(new CountingRule.Spec("LOCKOUT_STORM", "tenant", e -> e.event().tenantId(),
                        e -> is(e, Category.ACCOUNT_LOCKED), Observation::user, "users", Severity.HIGH,
                        "{count} lockouts across {distinct} within {window}: a tenant-wide password attack."), settings),
                new CountingRule(new CountingRule.Spec("PASSWORD_EXPIRY_WAVE", "tenant", e -> e.event().tenantId(),
                        e -> is(e, Category.PASSWORD_EXPIRED), Observation::user, "users", Severity.INFO,
                        "{distinct} hit an expired password within {window}: remind users or check the expiry policy."),
                        settings),
                // Sentinel disabled-account rules: one account tried on several apps, or one IP trying several accounts
                new CountingRule(new CountingRule.Spec("DISABLED_ACCOUNT_PROBING", "user+ip", WindowedRules::userAndIp,
                        e -> is(e, Category.ACCOUNT_DISABLED), Observation::app, "apps", Severity.MEDIUM,
                        "A disabled account was tried against {distinct} within {window}."), settings),
                new CountingRule(new CountingRule.Spec("DISABLED_ACCOUNT_PROBING", "ip", e -> e.event().ipAddress(),
                        e -> is(e, Category.ACCOUNT_DISABLED), Observation::user, "disabled accounts",
                        Severity.MEDIUM,
                        "One IP address tried {distinct} within {window}."), settings),
                // Sentinel "Sign-ins from IPs that attempt sign-ins to disabled accounts"
                new DisabledProbeThenSuccessRule(settings));
    }

    private static String userAndIp(ClassifiedEvent event) {
        String user = Observations.user(event.event());
        return user == null || event.event().ipAddress() == null ? null : user + "|" + event.event().ipAddress();
    }
}
