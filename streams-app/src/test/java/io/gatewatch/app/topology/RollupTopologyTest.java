package io.gatewatch.app.topology;

import static io.gatewatch.app.topology.TestEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.schema.Category;
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
}
