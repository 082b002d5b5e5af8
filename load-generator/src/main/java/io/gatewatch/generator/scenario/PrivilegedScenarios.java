package io.gatewatch.generator.scenario;

import static io.gatewatch.generator.scenario.ScenarioBuilder.city;
import static io.gatewatch.generator.scenario.ScenarioEntities.user;

import io.gatewatch.generator.SignInSpec;
import io.gatewatch.generator.SyntheticUser;
import java.time.Duration;
import java.util.List;

/**
 * Attacks on the accounts a tenant watches, each scenario putting its accounts on the watchlist it
 * needs ({@code generate --watchlist-out}); without that list the rules stay silent by design: a
 * privileged account's password guessed five times (four stay quiet), its password alone letting
 * it in (with MFA, or a background token refresh, quiet), its sign-in from a new network a day on
 * (another address of its own network quiet), and an emergency access account used (a colleague
 * not on the list quiet).
 */
final class PrivilegedScenarios {

    private static final String PORTAL = "Azure Portal";
    private static final SignInSpec.Client MFA = new SignInSpec.Client(null, null, null, "multiFactorAuthentication",
            null, null);

    private PrivilegedScenarios() {
    }

    static List<ScenarioType> all() {
        return List.of(
                ScenarioType.of("privileged-account-failures", "5 wrong passwords for an administrator in 8 min",
                        Duration.ofMinutes(10), b -> failures(b, 5)),
                ScenarioType.of("privileged-account-failures-near-miss", "4 wrong passwords for an administrator in 8 min",
                        Duration.ofMinutes(10), b -> failures(b, 4)),
                ScenarioType.of("privileged-single-factor", "an administrator signs in to the portal with a password alone",
                        Duration.ofMinutes(5), b -> singleFactor(b, true)),
                ScenarioType.of("privileged-single-factor-near-miss",
                        "an administrator signs in with MFA, and a background token refresh",
                        Duration.ofMinutes(5), b -> singleFactor(b, false)),
                ScenarioType.of("privileged-new-network",
                        "an administrator's sign-ins at home, a day later one from the attacker's network",
                        Duration.ofHours(25).plusMinutes(5), b -> newNetwork(b, true)),
                ScenarioType.of("privileged-new-network-near-miss",
                        "an administrator's sign-ins at home, a day later from another address of the same network",
                        Duration.ofHours(25).plusMinutes(5), b -> newNetwork(b, false)),
                ScenarioType.of("break-glass-sign-in", "an emergency access account signs in",
                        Duration.ofMinutes(5), b -> breakGlass(b, true)),
                ScenarioType.of("break-glass-sign-in-near-miss", "a colleague not on the break-glass list signs in",
                        Duration.ofMinutes(5), b -> breakGlass(b, false)));
    }

    private static void failures(ScenarioBuilder b, int count) {
        SyntheticUser admin = b.user(1);
        b.watch("privileged", admin);
        for (int i = 0; i < count; i++) {
            b.signIn(b.atSeconds(i * 110L), admin, 50126, b.attackerIp(1), city("Frankfurt"));
        }
        if (count >= 5) {
            b.expect("PRIVILEGED_ACCOUNT_FAILURES", user(admin));
        } else {
            b.nearMiss("PRIVILEGED_ACCOUNT_FAILURES", user(admin));
        }
    }

    private static void singleFactor(ScenarioBuilder b, boolean attack) {
        SyntheticUser admin = b.user(1);
        b.watch("privileged", admin);
        if (attack) {
            b.signIn(b.atSeconds(0), admin, 0, null, null, admin.usualIp(), admin.home(), PORTAL);
            b.expect("PRIVILEGED_SINGLE_FACTOR", user(admin));
            return;
        }
        b.signInWith(b.atSeconds(0), admin, 0, null, admin.usualIp(), admin.home(), PORTAL, MFA);
        b.signInNonInteractive(b.atSeconds(120), admin, 0, admin.usualIp(), admin.home(), PORTAL);
        b.nearMiss("PRIVILEGED_SINGLE_FACTOR", user(admin));
    }

    private static void newNetwork(ScenarioBuilder b, boolean attack) {
        SyntheticUser admin = b.user(1);
        b.watch("privileged", admin);
        b.signInWith(b.atSeconds(0), admin, 0, null, admin.usualIp(), admin.home(), PORTAL, MFA);
        b.signInWith(b.atSeconds(3600), admin, 0, null, admin.usualIp(), admin.home(), PORTAL, MFA);
        // the scenario's users live in 2001:db8::/32, one network; the attacker's 198.18.0.0/15 is another
        String later = attack ? b.attackerIp(1) : admin.usualIp() + "9";
        b.signInWith(b.atSeconds(Duration.ofHours(25).toSeconds()), admin, 0, null, later,
                attack ? city("Frankfurt") : admin.home(), PORTAL, MFA);
        if (attack) {
            b.expect("PRIVILEGED_NEW_NETWORK", user(admin));
        } else {
            b.nearMiss("PRIVILEGED_NEW_NETWORK", user(admin));
        }
    }

    private static void breakGlass(ScenarioBuilder b, boolean listed) {
        SyntheticUser account = b.user(1);
        if (listed) {
            b.watch("break-glass", account);
        }
        b.signInWith(b.atSeconds(0), account, 0, null, account.usualIp(), account.home(), PORTAL, MFA);
        if (listed) {
            b.expect("BREAK_GLASS_SIGN_IN", user(account));
        } else {
            b.nearMiss("BREAK_GLASS_SIGN_IN", user(account));
        }
    }
}
