package io.gatewatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.aggregate.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /breakdown} and {@code /movers} over the real topology's stores (TopologyTestDriver):
 * a planted rise (one app's failures five-fold in the last hour) is the first mover; an event that
 * arrives after its minute closed corrects the minutes' and the hours' breakdowns; error codes carry
 * Microsoft's description and Gatewatch's category; the tenant's configured name is in every answer.
 */
class BreakdownAnswersTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<String> APPS = List.of("Outlook", "Teams", "SharePoint", "Azure Portal");

    private BreakdownDriver fixture;

    @BeforeEach
    void start() {
        fixture = new BreakdownDriver(Map.of("tenant.t1.name", "Contoso Ltd"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aPlantedRiseOfOneAppsFailuresIsTheFirstMover() {
        // two hours of steady traffic: each app 4 failures and 20 sign-ins an hour; in the second, Teams fails 5x as often
        record Planned(String app, String user, int code, Instant time) {
        }
        List<Planned> planned = new ArrayList<>();
        for (int hour = 0; hour < 2; hour++) {
            for (String app : APPS) {
                int failures = hour == 1 && app.equals("Teams") ? 20 : 4;
                for (int i = 0; i < 20; i++) {
                    planned.add(new Planned(app, "user" + i + "@contoso.com", i < failures ? 50126 : 0,
                            START.plus(Duration.ofHours(hour)).plusSeconds(APPS.indexOf(app) + i * 170L)));
                }
            }
        }
        planned.sort(Comparator.comparing(Planned::time)); // in time order, as a live feed delivers them
        planned.forEach(p -> signIn(p.app(), p.user(), p.code(), "Paris", "FR", p.time()));
        Instant end = START.plus(Duration.ofHours(2));
        BreakdownAnswers answers = answers(end.plus(Duration.ofMinutes(5)));
        ApiViews.Movers movers = answers.movers("t1", Dimension.APP, end.minus(Duration.ofHours(1)), end, "previous", 10);

        assertThat(movers.rows()).as("only the values that rose").hasSize(1);
        ApiViews.Mover first = movers.rows().get(0);
        assertThat(first.value()).isEqualTo("Teams");
        assertThat(first.failures()).isEqualTo(20);
        assertThat(first.baselineFailures()).isEqualTo(4);
        assertThat(first.change()).isEqualTo(16);
        assertThat(first.ratio()).isEqualTo(5.0);
        assertThat(movers.baselineFrom()).isEqualTo(START);
        assertThat(movers.tenantName()).isEqualTo("Contoso Ltd");
        assertThat(movers.approximate()).isFalse();

        ApiViews.Breakdown codes = answers.breakdown("t1", Dimension.ERROR_CODE, START, end, 10, false);
        assertThat(codes.rows()).singleElement().satisfies(row -> {
            assertThat(row.value()).isEqualTo("50126");
            assertThat(row.label()).startsWith("InvalidUserNameOrPassword");
            assertThat(row.category()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(row.failures()).isEqualTo(4 + 20 + 4 + 4 + 4 * 4);
            assertThat(row.failuresError()).as("exact: fewer codes than the dimension keeps").isZero();
            assertThat(row.users()).as("20 users, estimated").isBetween(17L, 23L);
        });
        assertThat(codes.tenantName()).isEqualTo("Contoso Ltd");
    }

    @Test
    void aLateEventCorrectsTheMinutesAndTheHoursBreakdown() {
        for (int i = 0; i < 30; i++) {
            signIn("Outlook", "user" + i + "@contoso.com", i % 3 == 0 ? 50053 : 0, "Lyon", "FR",
                    START.plusSeconds(i * 60L));
        }
        signIn("Outlook", "later@contoso.com", 0, "Lyon", "FR", START.plus(Duration.ofHours(2))); // closes the first hour
        Instant end = START.plus(Duration.ofHours(2));
        BreakdownAnswers answers = answers(end.plus(Duration.ofMinutes(5)));
        assertThat(answers.breakdown("t1", Dimension.COUNTRY, START, START.plus(Duration.ofHours(1)), 10, false).rows())
                .extracting(ApiViews.BreakdownRow::value, ApiViews.BreakdownRow::failures)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FR", 10L));

        signIn("Teams", "late@contoso.com", 50126, "Berlin", "DE", START.plusSeconds(125)); // its minute closed long ago

        ApiViews.Breakdown minutes = answers.breakdown("t1", Dimension.COUNTRY, START, START.plus(Duration.ofHours(1)),
                10, false);
        assertThat(minutes.rows()).extracting(ApiViews.BreakdownRow::value, ApiViews.BreakdownRow::failures)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FR", 10L), org.assertj.core.groups.Tuple.tuple("DE", 1L));
        // a range past aggregate.retention (6 h) is answered from the hours: the late event reached them too
        ApiViews.Breakdown hours = answers.breakdown("t1", Dimension.CITY, START.minus(Duration.ofHours(5)),
                START.plus(Duration.ofHours(2)), 10, true);
        assertThat(hours.from()).isEqualTo(START.minus(Duration.ofHours(5)));
        assertThat(hours.rows()).extracting(ApiViews.BreakdownRow::value, ApiViews.BreakdownRow::signIns,
                ApiViews.BreakdownRow::failures).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Lyon, FR", 30L, 10L),
                org.assertj.core.groups.Tuple.tuple("Berlin, DE", 1L, 1L));
    }

    private BreakdownAnswers answers(Instant now) {
        return fixture.answers(now);
    }

    private void signIn(String app, String user, int code, String city, String country, Instant time) {
        fixture.signIn(app, user, code, city, country, time);
    }
}
