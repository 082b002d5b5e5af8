package io.gatewatch.generator.scenario;

import static io.gatewatch.generator.scenario.ScenarioBuilder.city;
import static io.gatewatch.generator.scenario.ScenarioEntities.ip;
import static io.gatewatch.generator.scenario.ScenarioEntities.user;

import io.gatewatch.generator.HomeLocation;
import io.gatewatch.generator.SyntheticUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Attacks on passwords, each with its near miss one step under the default threshold: spray,
 * brute force (with and without a final success), distributed cracking, lockouts and lockout
 * storms, and the admin-facing expiry wave.
 */
final class CredentialScenarios {

    private static final HomeLocation ATTACKER = city("Johannesburg");

    private CredentialScenarios() {
    }

    static List<ScenarioType> all() {
        return List.of(
                ScenarioType.of("password-spray", "one IP tries one password on 6 users in 12 min",
                        Duration.ofMinutes(15), b -> spray(b, 6, true)),
                ScenarioType.of("password-spray-near-miss", "one IP tries 4 users (threshold 5)",
                        Duration.ofMinutes(15), b -> spray(b, 4, false)),
                ScenarioType.of("brute-force", "12 wrong passwords for one user in 4 min",
                        Duration.ofMinutes(10), b -> bruteForce(b, 12, 20, false)),
                ScenarioType.of("brute-force-success", "12 wrong passwords, then the attacker signs in",
                        Duration.ofMinutes(10), b -> bruteForce(b, 12, 20, true)),
                ScenarioType.of("brute-force-near-miss", "9 wrong passwords in 9 min (threshold 10 in 10 min)",
                        Duration.ofMinutes(15), b -> bruteForce(b, 9, 60, false)),
                ScenarioType.of("distributed-cracking", "33 wrong passwords from 3 countries over 11 h",
                        Duration.ofHours(12), b -> cracking(b, 33, true)),
                ScenarioType.of("distributed-cracking-near-miss", "30 wrong passwords from 3 countries (threshold > 30)",
                        Duration.ofHours(12), b -> cracking(b, 30, false)),
                ScenarioType.of("account-lockout", "4 wrong passwords, then smart lockout",
                        Duration.ofMinutes(5), CredentialScenarios::lockout),
                ScenarioType.of("lockout-storm", "20 users locked out within 20 min",
                        Duration.ofMinutes(30), b -> storm(b, 20, true)),
                ScenarioType.of("lockout-storm-near-miss", "19 users locked out (threshold 20)",
                        Duration.ofMinutes(30), b -> storm(b, 19, false)),
                ScenarioType.of("password-expiry-wave", "12 users hit an expired password within 36 min",
                        Duration.ofHours(1), b -> expiryWave(b, 12, true)),
                ScenarioType.of("password-expiry-wave-near-miss", "9 users with expired passwords (threshold 10)",
                        Duration.ofHours(1), b -> expiryWave(b, 9, false)));
    }

    private static void spray(ScenarioBuilder b, int users, boolean attack) {
        String attacker = b.attackerIp(1);
        for (int i = 1; i <= users; i++) {
            b.signIn(b.atSeconds(i * 120L), b.user(i), 50126, attacker, ATTACKER);
        }
        if (attack) {
            b.expect("PASSWORD_SPRAY", ip(attacker));
        } else {
            b.nearMiss("PASSWORD_SPRAY", ip(attacker));
        }
    }

    private static void bruteForce(ScenarioBuilder b, int attempts, long everySeconds, boolean success) {
        SyntheticUser victim = b.user(1);
        String attacker = b.attackerIp(1);
        for (int i = 0; i < attempts; i++) {
            b.signIn(b.atSeconds(i * everySeconds), victim, 50126, attacker, ATTACKER);
        }
        if (success) {
            b.signIn(b.atSeconds(attempts * everySeconds + 60), victim, 0, attacker, ATTACKER);
            b.expect("BRUTE_FORCE_SUCCESS", user(victim));
        }
        if (attempts >= 10) {
            b.expect("BRUTE_FORCE", user(victim));
        } else {
            b.nearMiss("BRUTE_FORCE", user(victim));
        }
    }

    private static void cracking(ScenarioBuilder b, int attempts, boolean attack) {
        SyntheticUser victim = b.user(1);
        List<HomeLocation> places = List.of(city("Sao Paulo"), city("Bengaluru"), city("Frankfurt"));
        for (int i = 0; i < attempts; i++) {
            // one try every 20 min stays far under brute force's 10 in 10 min
            b.signIn(b.atSeconds(i * 1200L), victim, 50126, b.attackerIp(i % 3 + 1), places.get(i % 3));
        }
        if (attack) {
            b.expect("DISTRIBUTED_CRACKING", user(victim));
        } else {
            b.nearMiss("DISTRIBUTED_CRACKING", user(victim));
        }
    }

    private static void lockout(ScenarioBuilder b) {
        SyntheticUser victim = b.user(1);
        for (int i = 0; i < 4; i++) {
            b.signIn(b.atSeconds(i * 30L), victim, 50126, b.attackerIp(1), ATTACKER);
        }
        b.signIn(b.atSeconds(150), victim, 50053, b.attackerIp(1), ATTACKER);
        b.expect("ACCOUNT_LOCKOUT", user(victim));
    }

    private static void storm(ScenarioBuilder b, int users, boolean attack) {
        for (int i = 1; i <= users; i++) {
            Instant time = b.atSeconds(i * 60L);
            SyntheticUser victim = b.user(i);
            // one address per user: a botnet, so no single IP looks like a spray
            b.signIn(time, victim, 50053, b.attackerIp(i), ATTACKER);
            b.expect("ACCOUNT_LOCKOUT", user(victim), time, time);
        }
        if (attack) {
            b.expect("LOCKOUT_STORM", b.tenant());
        } else {
            b.nearMiss("LOCKOUT_STORM", b.tenant());
        }
    }

    private static void expiryWave(ScenarioBuilder b, int users, boolean wave) {
        for (int i = 1; i <= users; i++) {
            b.signIn(b.atSeconds(i * 180L), b.user(i), 50055);
        }
        if (wave) {
            b.expect("PASSWORD_EXPIRY_WAVE", b.tenant());
        } else {
            b.nearMiss("PASSWORD_EXPIRY_WAVE", b.tenant());
        }
    }
}
