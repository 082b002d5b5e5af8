package io.gatewatch.generator.scenario;

import static io.gatewatch.generator.scenario.ScenarioBuilder.city;
import static io.gatewatch.generator.scenario.ScenarioEntities.ip;

import io.gatewatch.generator.SyntheticUser;
import java.time.Duration;
import java.util.List;

/**
 * Correlations across accounts: a credential list tried from one address — disabled accounts
 * first, then a live password — and its benign twin, a leaver's phone behind the office NAT.
 */
final class CorrelationScenarios {

    private static final String RULE = "DISABLED_ACCOUNT_PROBE_THEN_SUCCESS";

    private CorrelationScenarios() {
    }

    static List<ScenarioType> all() {
        return List.of(
                ScenarioType.of("disabled-probe-then-success",
                        "one address tries 2 disabled accounts, then signs in as an active user 2 h later",
                        Duration.ofHours(3), CorrelationScenarios::probeThenSuccess),
                ScenarioType.of("disabled-probe-then-success-near-miss",
                        "a leaver's phone retries its disabled account behind the office NAT while 4 colleagues sign in",
                        Duration.ofHours(3), CorrelationScenarios::leaversPhone));
    }

    private static void probeThenSuccess(ScenarioBuilder b) {
        String attacker = b.attackerIp(1);
        b.signIn(b.atSeconds(0), b.user(1), 50057, null, null, attacker, city("Bengaluru"), "Azure Portal");
        b.signIn(b.atSeconds(420), b.user(2), 50057, null, null, attacker, city("Bengaluru"), "Azure Portal");
        b.signIn(b.atSeconds(7200), b.user(3), 0, null, null, attacker, city("Bengaluru"), "Azure Portal");
        b.expect(RULE, ip(attacker));
    }

    private static void leaversPhone(ScenarioBuilder b) {
        String office = b.attackerIp(1);
        SyntheticUser leaver = b.user(1);
        for (int i = 0; i < 6; i++) {
            b.signIn(b.atSeconds(i * 1800L), leaver, 50057, null, null, office, city("London"),
                    "Office 365 Exchange Online");
            b.signIn(b.atSeconds(i * 1800L + 600), b.user(2 + i % 4), 0, null, null, office, city("London"),
                    "Microsoft Teams");
        }
        b.nearMiss(RULE, ip(office));
    }
}
