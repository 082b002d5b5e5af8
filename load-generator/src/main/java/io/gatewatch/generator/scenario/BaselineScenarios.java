package io.gatewatch.generator.scenario;

import java.time.Duration;
import java.util.List;

/**
 * Tenant-wide anomalies judged against the tenant's own learned baseline: a Conditional Access
 * block spike (a broken policy or an attack) and a failure-rate spike. The schedule places them
 * at the start of an hour, after the baseline's warm-up day, on tenants busy enough to have one.
 */
final class BaselineScenarios {

    private BaselineScenarios() {
    }

    static List<ScenarioType> all() {
        return List.of(
                new ScenarioType("ca-block-spike", "60 Conditional Access blocks across 30 users in 30 min",
                        Duration.ofMinutes(40), true, b -> caBlocks(b, 60, true)),
                new ScenarioType("ca-block-spike-near-miss",
                        "up to 45 Conditional Access blocks in an hour, fewer than 50 with the background's (minimum 50)",
                        Duration.ofMinutes(40), true, b -> caBlocks(b, nearMissBlocks(b), false)),
                new ScenarioType("failure-rate-spike", "wrong passwords from many users and places: 3x the usual hourly failures",
                        Duration.ofMinutes(50), true, BaselineScenarios::failureRate));
    }

    private static void caBlocks(ScenarioBuilder b, int blocks, boolean spike) {
        for (int i = 0; i < blocks; i++) {
            b.signIn(b.atSeconds(i * 30L), b.user(i % 30 + 1), 53003);
        }
        if (spike) {
            b.expect("CONDITIONAL_ACCESS_SPIKE", b.tenant());
        } else {
            b.nearMiss("CONDITIONAL_ACCESS_SPIKE", b.tenant());
        }
    }

    /**
     * The background blocks 0.5 % of sign-ins by Conditional Access (BenignTraffic), about
     * {@code hourlyVolume / 200} in the hour: the near miss leaves three times that as margin, so it
     * stays below the 50-block minimum at any rate the tenant has.
     */
    private static int nearMissBlocks(ScenarioBuilder b) {
        return (int) Math.max(20, 45 - Math.ceil(3 * b.hourlyVolume() / 200.0));
    }

    private static void failureRate(ScenarioBuilder b) {
        // well above the 100-sign-in minimum and the tenant's usual ~12 % whatever its size
        long failures = 150 + b.hourlyVolume() / 2;
        int users = (int) Math.max(50, failures / 3);
        for (long i = 0; i < failures; i++) {
            b.signIn(b.atSeconds(i * 2700 / failures), b.user((int) (i % users) + 1), 50126);
        }
        b.expect("FAILURE_RATE_SPIKE", b.tenant());
    }
}
