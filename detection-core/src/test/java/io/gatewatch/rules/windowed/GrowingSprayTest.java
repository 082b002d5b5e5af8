package io.gatewatch.rules.windowed;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEvidence;
import io.gatewatch.schema.GeoLocation;
import io.gatewatch.schema.TriageAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A spray that grows is not silent: while its incident's suppression runs, further failures
 * update the same alert (same id, {@code update} true, the counts and evidence so far) at most once
 * per update interval, and nothing follows once the spray stops. Its evidence names the targeted
 * users, and those who signed in afterwards from anywhere — the accounts to reset first.
 */
class GrowingSprayTest {

    private static final Instant T0 = RuleRun.T0;
    private static final String SPRAYER = "203.0.113.66";
    private static final GeoLocation SEATTLE = new GeoLocation("Seattle", "WA", "US", 47.61, -122.33);
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private static RuleRun run() {
        return new RuleRun(Duration.ofMinutes(2), RuleSettings.DEFAULTS, INTERVAL);
    }

    /** One wrong password from the sprayer, user {@code n}, at {@code seconds} after T0. */
    private static void fail(RuleRun run, int n, long seconds) {
        run.signIn("user" + n + "@contoso.com", SPRAYER, 50126, T0.plusSeconds(seconds));
    }

    private static List<Alert> sprays(RuleRun run) {
        return run.alerts().stream().filter(a -> a.rule().equals("PASSWORD_SPRAY")).toList();
    }

    @Test
    void aGrowingSprayIsUpdatedUnderItsIdWithinTheIntervalAndNothingFollowsOnceItStops() {
        RuleRun run = run();
        for (int n = 1; n <= 5; n++) {
            fail(run, n, 20L * n); // five users within 100 s: the alert
        }
        assertThat(sprays(run)).singleElement().satisfies(first -> {
            assertThat(first.update()).isFalse();
            assertThat(first.distinctUsers()).isEqualTo(5);
        });
        Alert first = sprays(run).get(0);

        for (int n = 6; n <= 40; n++) {
            fail(run, n, 100 + 10L * (n - 5)); // 35 more users over the next 350 s
        }
        List<Alert> updates = sprays(run).subList(1, sprays(run).size());
        assertThat(updates).as("one update: the first failure an interval after the alert").hasSize(1);
        Alert update = updates.get(0);
        assertThat(update.alertId()).isEqualTo(first.alertId());
        assertThat(update.update()).isTrue();
        assertThat(update.distinctUsers()).isGreaterThan(first.distinctUsers());
        assertThat(update.evidence().usersTotal()).isEqualTo(update.distinctUsers());
        assertThat(update.evidence().users()).hasSize(AlertEvidence.MAX_USERS);
        assertThat(Duration.between(first.lastSeen(), update.lastSeen())).isGreaterThanOrEqualTo(INTERVAL)
                .isLessThan(INTERVAL.plusSeconds(11));

        int before = sprays(run).size();
        run.signIn("someone@contoso.com", "198.51.100.1", 0, T0.plusSeconds(3000)); // the spray has stopped
        assertThat(sprays(run)).as("nothing after the spray stops").hasSize(before);
    }

    @Test
    void theSpraysTargetsWhoSignedInAfterwardsFromAnywhereAreNamed() {
        RuleRun run = run();
        // user2 signed in from home a minute after the sprayer failed as them: the password the spray tried was right
        fail(run, 1, 10);
        fail(run, 2, 20);
        run.signIn("user2@contoso.com", "198.51.100.2", 0, T0.plusSeconds(80), null, "Office 365", SEATTLE, true);
        for (int n = 3; n <= 5; n++) {
            fail(run, n, 20L * n + 40);
        }

        Alert spray = sprays(run).get(0);
        assertThat(spray.evidence().signedInAfterwards().checked()).isEqualTo(5);
        assertThat(spray.evidence().signedInAfterwards().users()).containsExactly("user2@contoso.com");
        assertThat(spray.triage()).extracting(TriageAnswer::answer)
                .contains("1 of the 5 targeted users signed in afterwards: user2@contoso.com (reset these first).");
        assertThat(spray.evidence().addresses()).extracting(AlertEvidence.Address::ip).containsExactly(SPRAYER);
        assertThat(spray.evidence().signIns()).hasSize(5)
                .allSatisfy(signIn -> assertThat(signIn.address()).isEqualTo(SPRAYER));
        assertThat(spray.evidence().signIns().get(4).resultCode()).as("the sign-in that raised it").isEqualTo(50126);
        assertThat(spray.remediation()).first().asString().startsWith("Reset the password of every targeted user");
    }

    @Test
    void withoutAnUpdateIntervalAnIncidentStaysOneAlert() {
        RuleRun run = new RuleRun(Duration.ofMinutes(2), RuleSettings.DEFAULTS);
        for (int n = 1; n <= 40; n++) {
            fail(run, n, 20L * n);
        }
        assertThat(sprays(run)).singleElement().extracting(Alert::update).isEqualTo(false);
    }
}
