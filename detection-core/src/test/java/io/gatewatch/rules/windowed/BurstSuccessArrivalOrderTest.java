package io.gatewatch.rules.windowed;

import static io.gatewatch.rules.windowed.RuleRun.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * BRUTE_FORCE_SUCCESS and MFA_FATIGUE_SUCCESS whatever order the burst and the success arrive in:
 * a backlog caught up from partitions read at different speeds can bring a user's success before
 * the failures that precede it in event time.
 */
class BurstSuccessArrivalOrderTest {

    private static final String USER = "victim@x.com";
    private static final String DENY = "MFA denied; user did not respond to mobile app notification";

    private static void wrongPasswords(RuleRun run, Instant start, int count) {
        for (int i = 0; i < count; i++) {
            run.signIn(USER, "198.51.100." + (i % 3 + 1), 50126, start.plusSeconds(i * 10L));
        }
    }

    private static void deniedPrompts(RuleRun run, Instant start, int count) {
        for (int i = 0; i < count; i++) {
            run.signIn(USER, "198.51.100.7", 500121, start.plusSeconds(i * 20L), DENY, "App", null);
        }
    }

    private static void success(RuleRun run, Instant at) {
        run.signIn(USER, "198.51.100.9", 0, at);
    }

    private static List<Alert> of(RuleRun run, String prefix) {
        return run.alerts().stream().filter(a -> a.rule().startsWith(prefix)).toList();
    }

    private static void assertEscalatedOnce(List<Alert> alerts, String rule, long successAtMs) {
        assertThat(alerts).extracting(Alert::rule).containsExactly(rule, rule + "_SUCCESS");
        Alert escalation = alerts.get(1);
        assertThat(escalation.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(escalation.relatedAlertId()).isEqualTo(alerts.get(0).alertId());
        assertThat(escalation.lastSeen().toEpochMilli()).as("the success's time").isEqualTo(successAtMs);
    }

    @Test
    void aGuessedPasswordsSuccessDeliveredBeforeTheFailuresStillEscalatesOnce() {
        RuleRun run = new RuleRun();
        Instant successAt = T0.plus(Duration.ofMinutes(5));
        success(run, successAt);
        wrongPasswords(run, T0, 10);
        assertEscalatedOnce(of(run, "BRUTE_FORCE"), "BRUTE_FORCE", successAt.toEpochMilli());

        success(run, T0.plus(Duration.ofMinutes(6)));
        wrongPasswords(run, T0.plus(Duration.ofMinutes(2)), 10);
        assertThat(of(run, "BRUTE_FORCE")).as("one incident, escalated once").hasSize(2);
    }

    @Test
    void aGivenInPromptsSuccessDeliveredBeforeTheDenialsStillEscalatesOnce() {
        RuleRun run = new RuleRun();
        Instant successAt = T0.plusSeconds(260);
        success(run, successAt);
        deniedPrompts(run, T0, 11);
        assertEscalatedOnce(of(run, "MFA_FATIGUE"), "MFA_FATIGUE", successAt.toEpochMilli());

        success(run, T0.plusSeconds(300));
        assertThat(of(run, "MFA_FATIGUE")).hasSize(2);
    }

    @Test
    void aSuccessBeforeTheBurstInEventTimeIsTheUserNotTheAttacker() {
        RuleRun before = new RuleRun();
        success(before, T0.minus(Duration.ofMinutes(1)));
        wrongPasswords(before, T0, 10);
        assertThat(of(before, "BRUTE_FORCE")).extracting(Alert::rule).containsExactly("BRUTE_FORCE");

        RuleRun prompts = new RuleRun();
        success(prompts, T0.plusSeconds(100)); // in the middle of the denials, before the alert's one
        deniedPrompts(prompts, T0, 11);
        assertThat(of(prompts, "MFA_FATIGUE")).extracting(Alert::rule).containsExactly("MFA_FATIGUE");
    }

    @Test
    void aSuccessPastTheSuccessWindowDoesNotEscalateWhicheverArrivesFirst() {
        RuleRun run = new RuleRun();
        success(run, T0.plus(Duration.ofMinutes(40)));
        wrongPasswords(run, T0, 10);
        assertThat(of(run, "BRUTE_FORCE")).extracting(Alert::rule).containsExactly("BRUTE_FORCE");
    }

    @Test
    void inOrderTheSuccessStillJoinsTheIncidentAndOtherUsersSuccessesKeepNoBurstWindow() {
        RuleRun run = new RuleRun();
        wrongPasswords(run, T0, 10);
        Instant successAt = T0.plus(Duration.ofMinutes(5));
        success(run, successAt);
        success(run, T0.plus(Duration.ofMinutes(6)));
        assertEscalatedOnce(of(run, "BRUTE_FORCE"), "BRUTE_FORCE", successAt.toEpochMilli());
        assertThat(run.window("user", USER, "BRUTE_FORCE").of("success")).hasSize(1);

        run.signIn("bystander@x.com", "198.51.100.9", 0, T0);
        assertThat(run.window("user", "bystander@x.com", "BRUTE_FORCE")).as("a success opens no burst window").isNull();
    }

    /** The limit: with no per-user rule that keeps successes, a success seen first is gone. */
    @Test
    void aSuccessSeenFirstIsKeptOnlyByTheOtherPerUserRules() {
        RuleSettings noSuccessKeepers = RuleSettings.fromProperties(Map.of(
                "rule.SUCCESS_THEN_FAILURE_OTHER_NETWORK.enabled", "false", "rule.IMPOSSIBLE_TRAVEL.enabled", "false",
                "rule.NEW_COUNTRY_VALID_PASSWORD.enabled", "false", "rule.SESSION_REPLAY.enabled", "false"));
        RuleRun run = new RuleRun(Duration.ofMinutes(2), noSuccessKeepers);
        success(run, T0.plus(Duration.ofMinutes(5)));
        wrongPasswords(run, T0, 10);
        assertThat(of(run, "BRUTE_FORCE")).extracting(Alert::rule).containsExactly("BRUTE_FORCE");
    }
}
