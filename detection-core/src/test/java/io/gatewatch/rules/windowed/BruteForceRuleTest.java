package io.gatewatch.rules.windowed;

import static io.gatewatch.rules.windowed.RuleRun.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BRUTE_FORCE at its edges: 10 wrong passwords in 10 minutes, and the success that follows. */
class BruteForceRuleTest {

    private static RuleRun failures(RuleRun run, int count, Instant start, long secondsApart) {
        for (int i = 0; i < count; i++) {
            run.signIn("victim@x.com", "198.51.100." + (i % 3 + 1), 50126, start.plusSeconds(i * secondsApart));
        }
        return run;
    }

    private static List<Alert> bruteForce(RuleRun run) {
        return run.alerts().stream().filter(a -> a.rule().startsWith("BRUTE_FORCE")).toList();
    }

    @Test
    void nineFailuresDoNotFireTenDo() {
        assertThat(bruteForce(failures(new RuleRun(), 9, T0, 30))).isEmpty();
        assertThat(bruteForce(failures(new RuleRun(), 10, T0, 30))).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("BRUTE_FORCE");
            assertThat(a.entity().value()).isEqualTo("victim@x.com");
            assertThat(a.count()).isEqualTo(10);
            assertThat(a.threshold()).isEqualTo(10);
            assertThat(a.distinctIps()).isEqualTo(3);
            assertThat(a.correlationIds()).hasSize(10);
            assertThat(a.firstSeen()).isEqualTo(T0);
            assertThat(a.remediation()).isNotEmpty();
        });
    }

    @Test
    void tenFailuresSpreadOverMoreThanTenMinutesDoNotFire() {
        assertThat(bruteForce(failures(new RuleRun(), 10, T0, 70))).isEmpty();
    }

    @Test
    void outOfOrderWithinGraceStillFires() {
        RuleRun run = new RuleRun();
        int[] order = {5, 1, 9, 0, 3, 7, 2, 8, 4, 6};
        for (int i : order) {
            run.signIn("victim@x.com", "198.51.100.1", 50126, T0.plusSeconds(i * 10L));
        }
        assertThat(bruteForce(run)).hasSize(1);
    }

    @Test
    void failuresArrivingLateButInsideTheWindowStillCount() {
        RuleRun run = new RuleRun(Duration.ofMinutes(2));
        run.signIn("victim@x.com", "198.51.100.1", 50126, T0.plus(Duration.ofMinutes(9)));
        for (int i = 0; i < 9; i++) {
            // up to nine minutes older than the newest failure, past the two-minute grace, inside the 10 min window
            run.signIn("victim@x.com", "198.51.100.1", 50126, T0.plusSeconds(i * 10L));
        }
        assertThat(bruteForce(run)).hasSize(1);
    }

    @Test
    void failuresOlderThanTheWindowBehindTheNewestAreIgnored() {
        RuleRun run = new RuleRun(Duration.ofMinutes(2));
        run.signIn("victim@x.com", "198.51.100.1", 50126, T0.plus(Duration.ofMinutes(11)));
        for (int i = 0; i < 9; i++) {
            // more than ten minutes older than the newest failure: they could never share its window
            run.signIn("victim@x.com", "198.51.100.1", 50126, T0.plusSeconds(i * 5L));
        }
        assertThat(bruteForce(run)).isEmpty();
    }

    @Test
    void aRepeatedAttackInsideSuppressionRaisesNoSecondAlertButOneAfterwardDoes() {
        RuleRun run = failures(new RuleRun(), 10, T0, 10);
        failures(run, 10, T0.plus(Duration.ofMinutes(30)), 10);
        assertThat(bruteForce(run)).hasSize(1);
        failures(run, 10, T0.plus(Duration.ofMinutes(70)), 10);
        assertThat(bruteForce(run)).hasSize(2);
        assertThat(bruteForce(run).get(0).alertId()).isNotEqualTo(bruteForce(run).get(1).alertId());
    }

    @Test
    void successAfterTheAttackEscalatesOnceAndReferencesTheFirstAlert() {
        RuleRun run = failures(new RuleRun(), 10, T0, 10);
        run.signIn("victim@x.com", "198.51.100.9", 0, T0.plus(Duration.ofMinutes(5)));
        run.signIn("victim@x.com", "198.51.100.9", 0, T0.plus(Duration.ofMinutes(6)));

        List<Alert> alerts = bruteForce(run);
        assertThat(alerts).extracting(Alert::rule).containsExactly("BRUTE_FORCE", "BRUTE_FORCE_SUCCESS");
        assertThat(alerts.get(1).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alerts.get(1).relatedAlertId()).isEqualTo(alerts.get(0).alertId());
    }

    @Test
    void successLongAfterTheAttackOrWithoutOneDoesNotEscalate() {
        RuleRun late = failures(new RuleRun(), 10, T0, 10);
        late.signIn("victim@x.com", "198.51.100.9", 0, T0.plus(Duration.ofMinutes(40)));
        assertThat(bruteForce(late)).extracting(Alert::rule).containsExactly("BRUTE_FORCE");

        RuleRun benign = new RuleRun();
        benign.signIn("victim@x.com", "198.51.100.9", 0, T0);
        assertThat(benign.alerts()).isEmpty();
    }
}
