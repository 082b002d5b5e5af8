package io.gatewatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.gatewatch.aggregate.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's drill-down ({@code /breakdown?by=user&where=app:...}) and its default range over
 * the real topology's stores: an app's failing users, each with its failures, equal an independent
 * count, other apps' users left out; and "the last 6 hours" of a fresh tenant, whose minutes are
 * still open and so not yet in the hour roll-ups, is answered from the minutes.
 */
class FailingUsersTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private BreakdownDriver fixture;

    @BeforeEach
    void start() {
        fixture = new BreakdownDriver(Map.of());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anAppsFailingUsersEqualAnIndependentCount() {
        Map<String, Long> teamsFailures = new HashMap<>();
        for (int i = 0; i < 120; i++) {
            String app = i % 3 == 0 ? "Teams" : "Outlook";
            String user = "user" + i % 5 + "@contoso.com";
            int code = i % 2 == 0 ? 50126 : 0;
            signIn(app, user, code, START.plusSeconds(i * 30L));
            if (app.equals("Teams") && code != 0) {
                teamsFailures.merge(user, 1L, Long::sum);
            }
        }
        Instant end = START.plus(Duration.ofHours(1));
        ApiViews.Breakdown users = answers(end).failingUsers("t1", Dimension.APP, "Teams", START, end, 20);

        Map<String, Long> listed = new HashMap<>();
        users.rows().forEach(row -> listed.put(row.value(), row.failures()));
        assertThat(listed).isEqualTo(teamsFailures);
        assertThat(users.rows()).allSatisfy(row -> assertThat(row.failuresError()).isZero());
        assertThat(users.where()).isEqualTo("app:Teams");
        assertThat(users.by()).isEqualTo("user");
        assertThat(users.approximate()).isFalse();
        assertThat(answers(end).failingUsers("t1", Dimension.APP, "Yammer", START, end, 20).rows())
                .as("an app nobody failed on").isEmpty();
        ApiViews.Breakdown codes = answers(end).failingUsers("t1", Dimension.ERROR_CODE, "50126", START, end, 2);
        assertThat(codes.rows()).as("the limit holds").hasSize(2);
    }

    @Test
    void theLastSixHoursOfAFreshTenantComeFromItsOpenMinutes() {
        for (int i = 0; i < 6; i++) {
            signIn("Outlook", "fresh" + i + "@contoso.com", 50053, START.plusSeconds(i * 10L));
        }
        Instant now = START.plusSeconds(70); // the minute is open: nothing has reached the hour roll-up yet
        // as a browser asks: its clock a few seconds behind the server's makes the range a little longer than 6 h
        ApiViews.Breakdown lastSixHours = answers(now).breakdown("t1", Dimension.APP,
                now.minus(Duration.ofHours(6)).minusSeconds(5), now, 10, false);
        assertThat(lastSixHours.rows()).extracting(ApiViews.BreakdownRow::value, ApiViews.BreakdownRow::failures)
                .containsExactly(tuple("Outlook", 6L));
        assertThat(lastSixHours.from()).as("starts at the oldest minute kept")
                .isEqualTo(now.minus(fixture.config.aggregateRetention()).plusSeconds(50));
        assertThat(answers(now).failingUsers("t1", Dimension.APP, "Outlook", now.minus(Duration.ofHours(6)), now, 10)
                .rows()).hasSize(6);
        assertThat(answers(now).breakdown("t1", Dimension.APP, now.minus(Duration.ofHours(24)), now, 10, false).rows())
                .as("a day comes from the hours, which hold closed minutes only").isEmpty();
    }

    private BreakdownAnswers answers(Instant now) {
        return fixture.answers(now);
    }

    private void signIn(String app, String user, int code, Instant time) {
        fixture.signIn(app, user, code, "Paris", "FR", time);
    }
}
