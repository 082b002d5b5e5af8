package io.gatewatch.generator.scenario;

import static io.gatewatch.generator.scenario.ScenarioBuilder.city;
import static io.gatewatch.generator.scenario.ScenarioEntities.ip;

import io.gatewatch.generator.SyntheticUser;
import java.time.Duration;
import java.util.List;

/**
 * Correlations across accounts and tenants: a credential list tried from one address — disabled
 * accounts first, then a live password — and its benign twin, a leaver's phone behind the office
 * NAT; a spray across the tenants a provider manages, and one that stays under the tenant count.
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
                        Duration.ofHours(3), CorrelationScenarios::leaversPhone),
                ScenarioType.of("cross-tenant-spray", "one address tries 2 users in each of 6 tenants within 24 min",
                        Duration.ofMinutes(30), b -> crossTenantSpray(b, 6)),
                ScenarioType.of("cross-tenant-spray-near-miss", "one address tries 2 users in each of 4 tenants (minimum 5)",
                        Duration.ofMinutes(30), b -> crossTenantSpray(b, 4)));
    }

    private static void crossTenantSpray(ScenarioBuilder b, int tenants) {
        String attacker = b.attackerIp(1);
        int reached = Math.min(tenants, b.tenantCount());
        for (int t = 0; t < reached; t++) {
            for (int u = 1; u <= 2; u++) {
                b.signIn(b.atSeconds(t * 240L + u * 20L), b.userInTenant(t, u), 50126, null, null, attacker,
                        city("Johannesburg"), "Office 365 Exchange Online");
            }
        }
        if (reached >= 5) {
            b.expectForProvider("CROSS_TENANT_SPRAY", ip(attacker));
        } else {
            b.nearMissForProvider("CROSS_TENANT_SPRAY", ip(attacker));
        }
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
