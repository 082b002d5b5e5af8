package io.gatewatch.rules.windowed;

import static io.gatewatch.rules.windowed.RuleRun.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An address that tried disabled accounts, then signed in as someone else (defaults: 2, < 50, 0.5, 24 h). */
class DisabledProbeThenSuccessRuleTest {

    private static final String RULE = "DISABLED_ACCOUNT_PROBE_THEN_SUCCESS";
    private static final String ATTACKER = "198.18.0.9";

    private static List<Alert> alerts(RuleRun run) {
        return run.alerts().stream().filter(a -> a.rule().equals(RULE)).toList();
    }

    @Test
    void twoDisabledAccountsThenASuccessAsAnotherUserAlertsOnTheSuccess() {
        RuleRun run = new RuleRun();
        run.signIn("left1@x.com", ATTACKER, 50057, T0);
        run.signIn("left2@x.com", ATTACKER, 50057, T0.plusSeconds(60));
        assertThat(alerts(run)).as("probing alone").isEmpty();

        run.signIn("victim@x.com", ATTACKER, 0, T0.plus(Duration.ofHours(3)));

        assertThat(alerts(run)).singleElement().satisfies(a -> {
            assertThat(a.entity().type()).isEqualTo("ip");
            assertThat(a.entity().value()).isEqualTo(ATTACKER);
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.summary()).contains("2 disabled accounts").contains("victim@x.com");
        });
    }

    @Test
    void oneDisabledAccountIsALeaversPhoneNotAProbe() {
        RuleRun run = new RuleRun();
        run.signIn("left1@x.com", ATTACKER, 50057, T0);
        run.signIn("left1@x.com", ATTACKER, 50057, T0.plusSeconds(1800));
        run.signIn("colleague@x.com", ATTACKER, 0, T0.plusSeconds(1900));
        assertThat(alerts(run)).isEmpty();
    }

    /** Two leavers' phones behind an office NAT: colleagues sign in between their attempts. */
    @Test
    void aBusyAddressKeepsTheRatioBelowOneHalf() {
        RuleRun run = new RuleRun();
        run.signIn("left1@x.com", ATTACKER, 50057, T0);
        for (int i = 0; i < 10; i++) {
            run.signIn("user" + i + "@x.com", ATTACKER, 0, T0.plusSeconds(60 + i));
        }
        run.signIn("left2@x.com", ATTACKER, 50057, T0.plusSeconds(600));
        run.signIn("user10@x.com", ATTACKER, 0, T0.plusSeconds(700));
        assertThat(alerts(run)).as("2 disabled : 11 succeeded").isEmpty();
    }

    @Test
    void fiftySucceedingUsersMarkASharedAddressWhateverTheRatio() {
        RuleRun run = new RuleRun();
        run.signIn("left0@x.com", ATTACKER, 50057, T0);
        for (int i = 0; i < 55; i++) {
            run.signIn("user" + i + "@x.com", ATTACKER, 0, T0.plusSeconds(10 + i));
        }
        for (int i = 1; i <= 40; i++) {
            run.signIn("left" + i + "@x.com", ATTACKER, 50057, T0.plusSeconds(100 + i));
        }
        run.signIn("user55@x.com", ATTACKER, 0, T0.plusSeconds(200));
        assertThat(alerts(run)).as("41 disabled : 56 succeeded, over the 50-user limit").isEmpty();
    }

    @Test
    void theDisabledAccountItselfSigningInLaterIsNotAnotherUser() {
        RuleRun run = new RuleRun();
        run.signIn("left1@x.com", ATTACKER, 50057, T0);
        run.signIn("left2@x.com", ATTACKER, 50057, T0.plusSeconds(10));
        run.signIn("left1@x.com", ATTACKER, 0, T0.plus(Duration.ofHours(1)));
        assertThat(alerts(run)).isEmpty();
    }

    @Test
    void probesOutsideTheLookBackAreForgotten() {
        RuleRun run = new RuleRun();
        run.signIn("left1@x.com", ATTACKER, 50057, T0);
        run.signIn("left2@x.com", ATTACKER, 50057, T0.plusSeconds(10));
        run.signIn("victim@x.com", ATTACKER, 0, T0.plus(Duration.ofHours(25)));
        assertThat(alerts(run)).isEmpty();
    }
}
