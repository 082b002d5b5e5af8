package io.gatewatch.generator.scenario;

import static io.gatewatch.generator.scenario.ScenarioBuilder.city;
import static io.gatewatch.generator.scenario.ScenarioEntities.user;

import io.gatewatch.generator.HomeLocation;
import io.gatewatch.generator.SyntheticUser;
import java.time.Duration;
import java.util.List;

/**
 * Attacks after the password is known: MFA prompt bombing (with and without the user giving in),
 * a fraud report, an explicit deny, and a mistyped code that must not look like any of them.
 */
final class MfaScenarios {

    private static final HomeLocation ATTACKER = city("Sao Paulo");
    private static final String NO_RESPONSE = "MFA denied; user did not respond to mobile app notification";

    private MfaScenarios() {
    }

    static List<ScenarioType> all() {
        return List.of(
                ScenarioType.of("mfa-fatigue", "12 unanswered MFA prompts in 3 min",
                        Duration.ofMinutes(10), b -> fatigue(b, 12, false)),
                ScenarioType.of("mfa-fatigue-success", "12 unanswered prompts, then the user approves one",
                        Duration.ofMinutes(10), b -> fatigue(b, 12, true)),
                ScenarioType.of("mfa-fatigue-near-miss", "10 unanswered prompts in 3 min (threshold > 10)",
                        Duration.ofMinutes(10), b -> fatigue(b, 10, false)),
                ScenarioType.of("mfa-fraud", "the user reports an MFA prompt as fraud", Duration.ofMinutes(1),
                        b -> single(b, "MFA denied; Phone App Reported Fraud", "MFA_FRAUD_REPORTED")),
                ScenarioType.of("mfa-denied", "the user declines an MFA prompt", Duration.ofMinutes(1),
                        b -> single(b, "MFA denied; user declined the authentication", "MFA_DENIED")),
                ScenarioType.of("mfa-denied-near-miss", "a mistyped verification code: a failure, not a denial",
                        Duration.ofMinutes(1), b -> single(b, "Invalid verification code entered", null)));
    }

    private static void fatigue(ScenarioBuilder b, int prompts, boolean approved) {
        SyntheticUser victim = b.user(1);
        String attacker = b.attackerIp(1);
        for (int i = 0; i < prompts; i++) {
            b.signIn(b.atSeconds(i * 15L), victim, 500121, NO_RESPONSE, null, attacker, ATTACKER,
                    "Office 365 Exchange Online");
        }
        if (approved) {
            b.signIn(b.atSeconds(prompts * 15L + 30), victim, 0, attacker, ATTACKER);
            b.expect("MFA_FATIGUE_SUCCESS", user(victim));
        }
        // an unanswered prompt is routine on its own: only the burst may alert
        b.nearMiss("MFA_DENIED", user(victim));
        if (prompts > 10) {
            b.expect("MFA_FATIGUE", user(victim));
        } else {
            b.nearMiss("MFA_FATIGUE", user(victim));
        }
    }

    private static void single(ScenarioBuilder b, String details, String rule) {
        SyntheticUser victim = b.user(1);
        b.signIn(b.atSeconds(0), victim, 500121, details, null, b.attackerIp(1), ATTACKER, "Azure Portal");
        if (rule != null) {
            b.expect(rule, user(victim));
        } else {
            b.nearMiss("MFA_DENIED", user(victim));
            b.nearMiss("MFA_FRAUD_REPORTED", user(victim));
        }
    }
}
