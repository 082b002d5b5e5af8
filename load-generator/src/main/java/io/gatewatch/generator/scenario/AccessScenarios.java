package io.gatewatch.generator.scenario;

import static io.gatewatch.generator.scenario.ScenarioBuilder.city;
import static io.gatewatch.generator.scenario.ScenarioEntities.ip;
import static io.gatewatch.generator.scenario.ScenarioEntities.user;
import static io.gatewatch.generator.scenario.ScenarioEntities.userAndIp;
import static io.gatewatch.generator.scenario.ScenarioEntities.userAndOrg;

import io.gatewatch.generator.SyntheticUser;
import io.gatewatch.generator.format.DynamicsAccessRecordBuilder;
import java.time.Duration;
import java.util.List;

/**
 * Who signs in from where and to what: disabled-account probing (both forms), risky sign-ins,
 * impossible travel, and the two Dynamics 365 access problems, each with a near miss.
 */
final class AccessScenarios {

    private static final List<String> APPS = List.of("Office 365 Exchange Online", "Azure Portal", "Microsoft Teams");

    private AccessScenarios() {
    }

    static List<ScenarioType> all() {
        return List.of(
                ScenarioType.of("disabled-account-probing", "a disabled account tried on 3 apps from one IP",
                        Duration.ofMinutes(40), b -> disabledApps(b, 3)),
                ScenarioType.of("disabled-account-probing-ip", "one IP tries 3 disabled accounts",
                        Duration.ofMinutes(40), b -> disabledAccounts(b, 3)),
                ScenarioType.of("disabled-account-probing-near-miss", "a disabled account on 2 apps (threshold 3)",
                        Duration.ofMinutes(40), b -> disabledApps(b, 2)),
                ScenarioType.of("disabled-account-probing-ip-near-miss", "one IP tries 2 disabled accounts",
                        Duration.ofMinutes(40), b -> disabledAccounts(b, 2)),
                ScenarioType.of("risky-sign-in", "Identity Protection blocks a risky sign-in", Duration.ofMinutes(1),
                        b -> risky(b, 53004, null, "RISKY_SIGN_IN")),
                ScenarioType.of("risky-sign-in-near-miss", "a success at medium risk (the rule wants high)",
                        Duration.ofMinutes(1), b -> risky(b, 0, "medium", null)),
                ScenarioType.of("impossible-travel", "Seattle, then Tokyo an hour later (7,700 km)",
                        Duration.ofHours(2), b -> travel(b, "Tokyo", 3600)),
                ScenarioType.of("impossible-travel-near-miss", "Seattle, then Dublin 12 h later (610 km/h, under 800)",
                        Duration.ofHours(13), b -> travel(b, "Dublin", 12 * 3600)),
                ScenarioType.of("dynamics-missing-role", "a user without a security role opens the tenant's org",
                        Duration.ofMinutes(1), b -> missingRole(b, true)),
                ScenarioType.of("dynamics-missing-role-near-miss", "a user with a role opens the org",
                        Duration.ofMinutes(1), b -> missingRole(b, false)),
                ScenarioType.of("dynamics-region-mismatch", "a bookmark to another region's URL (crm vs crm4)",
                        Duration.ofMinutes(2), b -> regionMismatch(b, true)),
                ScenarioType.of("dynamics-region-mismatch-near-miss", "the same user on the right regional URL",
                        Duration.ofMinutes(2), b -> regionMismatch(b, false)));
    }

    private static void disabledApps(ScenarioBuilder b, int apps) {
        SyntheticUser disabled = b.user(1);
        String attacker = b.attackerIp(1);
        for (int i = 0; i < apps; i++) {
            b.signIn(b.atSeconds(i * 600L), disabled, 50057, null, null, attacker, city("Tokyo"), APPS.get(i));
        }
        if (apps >= 3) {
            b.expect("DISABLED_ACCOUNT_PROBING", userAndIp(disabled, attacker));
        } else {
            b.nearMiss("DISABLED_ACCOUNT_PROBING", userAndIp(disabled, attacker));
        }
    }

    private static void disabledAccounts(ScenarioBuilder b, int accounts) {
        String attacker = b.attackerIp(1);
        for (int i = 1; i <= accounts; i++) {
            b.signIn(b.atSeconds(i * 600L), b.user(i), 50057, null, null, attacker, city("Tokyo"), APPS.get(0));
        }
        if (accounts >= 3) {
            b.expect("DISABLED_ACCOUNT_PROBING", ip(attacker));
        } else {
            b.nearMiss("DISABLED_ACCOUNT_PROBING", ip(attacker));
        }
    }

    private static void risky(ScenarioBuilder b, int code, String risk, String rule) {
        SyntheticUser victim = b.user(1);
        b.signIn(b.atSeconds(0), victim, code, null, risk, b.attackerIp(1), city("Frankfurt"), APPS.get(0));
        if (rule != null) {
            b.expect(rule, user(victim));
        } else {
            b.nearMiss("RISKY_SIGN_IN", user(victim));
        }
    }

    private static void travel(ScenarioBuilder b, String destination, long afterSeconds) {
        SyntheticUser traveller = b.user(1, city("Seattle"));
        b.signIn(b.atSeconds(0), traveller, 0);
        b.signIn(b.atSeconds(afterSeconds), traveller, 0, b.attackerIp(1), city(destination));
        if (destination.equals("Tokyo")) {
            b.expect("IMPOSSIBLE_TRAVEL", user(traveller));
        } else {
            b.nearMiss("IMPOSSIBLE_TRAVEL", user(traveller));
        }
    }

    private static void missingRole(ScenarioBuilder b, boolean missing) {
        SyntheticUser user = b.user(1);
        String host = b.org().host();
        if (missing) {
            b.dynamics(b.atSeconds(0), user, host, DynamicsAccessRecordBuilder.MISSING_ROLE,
                    "The user has not been assigned a security role.");
            b.expect("DYNAMICS_MISSING_ROLE", userAndOrg(user, host));
        } else {
            b.dynamics(b.atSeconds(0), user, host, 0, null);
            b.nearMiss("DYNAMICS_MISSING_ROLE", userAndOrg(user, host));
        }
    }

    private static void regionMismatch(ScenarioBuilder b, boolean mismatch) {
        // a colleague on the right host first, so the org's region is known even without an org directory
        b.dynamics(b.atSeconds(0), b.user(2), b.org().host(), 0, null);
        SyntheticUser user = b.user(1);
        String host = mismatch ? b.org().wrongHost() : b.org().host();
        b.dynamics(b.atSeconds(60), user, host, mismatch ? DynamicsAccessRecordBuilder.WRONG_REGION_FAILURE : 0,
                mismatch ? "Organization not found in this region." : null);
        if (mismatch) {
            b.expect("DYNAMICS_REGION_MISMATCH", userAndOrg(user, host));
        } else {
            b.nearMiss("DYNAMICS_REGION_MISMATCH", userAndOrg(user, host));
        }
    }
}
