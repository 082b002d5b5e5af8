package io.gatewatch.app.topology;

import static io.gatewatch.app.topology.TestEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.DaySummary;
import io.gatewatch.schema.TenantAggregate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/**
 * Closed minutes roll up into hours and days; a tenant's finished day goes to the daily topic once,
 * and again, corrected, when a minute of it arrives late.
 */
class RollupTopologyTest {

    private static final Instant DAY1 = Instant.parse("2025-11-14T00:00:00Z");

    @Test
    void minutesRollUpIntoHoursAndDaysAndEachFinishedDayIsEmittedOnce() {
        try (TopologyFixture f = new TopologyFixture(Map.of("window.grace", "PT0S"))) {
            TestOutputTopic<String, TenantAggregate> daily = f.driver.createOutputTopic(
                    f.config.topics().aggregatesDaily().name(), new StringDeserializer(),
                    GatewatchSerdes.AGGREGATE.deserializer());
            // day 1: three sign-ins in hour 10 (one failure), two in hour 11; day 2: one sign-in
            Instant h10 = DAY1.plus(Duration.ofHours(10));
            List<Instant> day1 = List.of(h10, h10.plusSeconds(61), h10.plusSeconds(125), h10.plus(Duration.ofHours(1)),
                    h10.plus(Duration.ofHours(1)).plusSeconds(30));
            for (int i = 0; i < day1.size(); i++) {
                f.signIn(signIn("d1-" + i, "t1", "user" + i + "@x.com", i == 1 ? 50126 : 0, day1.get(i)));
            }
            assertThat(daily.isEmpty()).as("day 1 still running").isTrue();
            f.signIn(signIn("d2-0", "t1", "late-riser@x.com", 0, DAY1.plus(Duration.ofDays(1)).plusSeconds(90)));
            f.signIn(signIn("d2-1", "t1", "late-riser@x.com", 0, DAY1.plus(Duration.ofDays(1)).plusSeconds(200)));

            WindowStore<String, TenantWindowCounts> hours = f.driver.getWindowStore(GatewatchTopology.HOURS_STORE);
            assertThat(hours.fetch("t1", h10.toEpochMilli()).total()).isEqualTo(3);
            assertThat(hours.fetch("t1", h10.plus(Duration.ofHours(1)).toEpochMilli()).total()).isEqualTo(2);
            WindowStore<String, TenantWindowCounts> days = f.driver.getWindowStore(GatewatchTopology.DAYS_STORE);
            assertThat(days.fetch("t1", DAY1.toEpochMilli()).total()).isEqualTo(5);

            List<TenantAggregate> finished = daily.readValuesToList();
            assertThat(finished).singleElement().satisfies(day -> {
                assertThat(day.windowStart()).isEqualTo(DAY1);
                assertThat(day.windowEnd()).isEqualTo(DAY1.plus(Duration.ofDays(1)));
                assertThat(day.total()).isEqualTo(5);
                assertThat(day.byCategory()).containsEntry(Category.INVALID_CREDENTIALS, 1L);
                assertThat(day.distinctUsersByCategory()).containsEntry(Category.INVALID_CREDENTIALS, 1);
            });
        }
    }

    @Test
    void aLateMinuteAddsOnlyItselfToItsHourAndDayAndReissuesTheFinishedDay() {
        try (TopologyFixture f = new TopologyFixture(Map.of("window.grace", "PT0S", "aggregate.retention", "P2D"))) {
            TestOutputTopic<String, TenantAggregate> daily = f.driver.createOutputTopic(
                    f.config.topics().aggregatesDaily().name(), new StringDeserializer(),
                    GatewatchSerdes.AGGREGATE.deserializer());
            Instant h10 = DAY1.plus(Duration.ofHours(10));
            f.signIn(signIn("d1-0", "t1", "early@x.com", 0, h10));
            f.signIn(signIn("d1-1", "t1", "early@x.com", 0, h10.plusSeconds(30)));
            f.signIn(signIn("d2-0", "t1", "next@x.com", 0, DAY1.plus(Duration.ofDays(1)).plusSeconds(90)));
            f.signIn(signIn("d2-1", "t1", "next@x.com", 0, DAY1.plus(Duration.ofDays(1)).plusSeconds(200)));
            // a minute of day 1 that had closed long ago, and one that never had a sign-in before
            f.signIn(signIn("late-0", "t1", "late@x.com", 50126, h10.plusSeconds(45)));
            f.signIn(signIn("late-1", "t1", "late@x.com", 0, h10.plus(Duration.ofMinutes(20))));

            WindowStore<String, TenantWindowCounts> hours = f.driver.getWindowStore(GatewatchTopology.HOURS_STORE);
            assertThat(hours.fetch("t1", h10.toEpochMilli()).total()).as("hour 10, each event once").isEqualTo(4);
            WindowStore<String, TenantWindowCounts> days = f.driver.getWindowStore(GatewatchTopology.DAYS_STORE);
            assertThat(days.fetch("t1", DAY1.toEpochMilli()).total()).isEqualTo(4);
            assertThat(daily.readValuesToList()).extracting(TenantAggregate::total, TenantAggregate::correction)
                    .containsExactly(tuple(2L, false), tuple(3L, true), tuple(4L, true));
        }
    }

    /**
     * A finished day's record carries its summary: the apps and users that failed most, the apps
     * whose failures rose against the day before (Teams 1 -> 4; Outlook, new, 0 -> 2), and the
     * alerts raised that day, counted as the alert topic has them.
     */
    @Test
    void aFinishedDaysRecordSummarisesItsTopFailuresWhatRoseAndItsAlerts() {
        try (TopologyFixture f = new TopologyFixture(Map.of("window.grace", "PT0S", "aggregate.retention", "P3D"))) {
            TestOutputTopic<String, TenantAggregate> daily = f.driver.createOutputTopic(
                    f.config.topics().aggregatesDaily().name(), new StringDeserializer(),
                    GatewatchSerdes.AGGREGATE.deserializer());
            Instant day0 = DAY1.minus(Duration.ofDays(1)).plus(Duration.ofHours(9));
            f.signIn(app("d0-0", "ann@x.com", "Teams", 50126, day0));
            f.signIn(app("d0-1", "ann@x.com", "Teams", 0, day0.plusSeconds(60)));
            Instant day1 = DAY1.plus(Duration.ofHours(9));
            for (int i = 0; i < 4; i++) {
                f.signIn(app("d1-t" + i, i < 3 ? "bob@x.com" : "cy@x.com", "Teams", 50126, day1.plusSeconds(i * 70L)));
            }
            f.signIn(app("d1-o", "cy@x.com", "Outlook", 50126, day1.plusSeconds(400)));
            f.signIn(app("d1-lock", "dee@x.com", "Outlook", 50053, day1.plusSeconds(500))); // a lockout alert
            f.signIn(app("d2-0", "ann@x.com", "Teams", 0, DAY1.plus(Duration.ofDays(1)).plusSeconds(90)));
            f.signIn(app("d2-1", "ann@x.com", "Teams", 0, DAY1.plus(Duration.ofDays(1)).plusSeconds(200)));

            long raisedOnDay1 = f.alerts.readValuesToList().stream().filter(a -> !a.update()
                    && !a.lastSeen().isBefore(DAY1) && a.lastSeen().isBefore(DAY1.plus(Duration.ofDays(1)))).count();
            assertThat(raisedOnDay1).as("the day's alerts").isPositive();
            TenantAggregate day = daily.readValuesToList().stream().filter(d -> d.windowStart().equals(DAY1))
                    .reduce((a, b) -> b).orElseThrow();
            DaySummary summary = day.daySummary();
            assertThat(summary.topFailingApps()).extracting(DaySummary.Top::value, DaySummary.Top::failures)
                    .containsExactly(tuple("Teams", 4L), tuple("Outlook", 2L));
            assertThat(summary.topFailingUsers()).extracting(DaySummary.Top::value, DaySummary.Top::failures)
                    .containsExactly(tuple("bob@x.com", 3L), tuple("cy@x.com", 2L), tuple("dee@x.com", 1L));
            assertThat(summary.rose()).extracting(DaySummary.Rise::value, DaySummary.Rise::failures,
                    DaySummary.Rise::previousFailures).containsExactly(tuple("Teams", 4L, 1L), tuple("Outlook", 2L, 0L));
            assertThat(summary.alertsBySeverity().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(raisedOnDay1);
            assertThat(summary.alertsByRule().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(raisedOnDay1);
        }
    }

    private static String app(String id, String user, String app, int code, Instant time) {
        return "{\"id\":\"" + id + "\",\"createdDateTime\":\"" + time + "\",\"resourceTenantId\":\"t1\","
                + "\"userPrincipalName\":\"" + user + "\",\"ipAddress\":\"203.0.113.7\",\"appDisplayName\":\"" + app
                + "\",\"correlationId\":\"c-" + id + "\",\"status\":{\"errorCode\":" + code + "}}";
    }
}
