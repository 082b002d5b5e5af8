package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.kafka.KafkaBroker;
import io.gatewatch.kafka.KafkaBrokerExtension;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.TenantAggregate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standby replicas ({@code num.standby.replicas=1}): two instances each keep a warm copy of the
 * other's state; one is killed with SIGKILL and the other takes its tasks over from the standby
 * instead of restoring them from the changelogs: at the takeover the survivor fetches fewer
 * changelog records than its standbys had fetched before (its restore consumer's counts). Every
 * tenant's total stays exact, every event is classified once, and the time from the kill until all
 * input sent after it is processed is measured (printed, for docs/operations.md#guarantees;
 * asserted only to be within the session timeout plus a minute, as a resume, not a benchmark).
 */
@ExtendWith(KafkaBrokerExtension.class)
class StandbyTakeoverIT {

    private static final int TENANTS = 6;
    private static final int EVENTS = 12_000;

    @Test
    void theStandbyTakesOverAKilledInstanceLosingAndDoublingNothing(KafkaBroker broker, @TempDir Path dir) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put("application.id", "standby-it");
        settings.put("topic.partitions", "2");
        settings.put("num.standby.replicas", "1");
        settings.put("commit.interval.ms", "200");
        settings.put("session.timeout.ms", "6000");
        settings.put("http.port", "0");
        settings.put("emit.classified", "true");
        for (String topic : new String[] {"signin-events", "dynamics-access", "dynamics-orgs", "alerts", "aggregates",
                "classified", "dlq"}) {
            settings.put("topic." + topic, "standby-" + topic);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("standby-signin-events", 2, (short) 1))).all().get();
        }
        // a live feed's spans: 30 s of event time before the kill, 30 s after, well within the default grace
        // however the partitions interleave; between them a tick (at 4 min) closes the first minute
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Long> expected = new HashMap<>();
        List<byte[]> first = new ArrayList<>();
        List<byte[]> second = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String tenant = "tenant-" + (i % TENANTS);
            boolean before = i < EVENTS / 2;
            Instant at = before ? start.plusMillis(i * 5L) : start.plus(Duration.ofMinutes(5)).plusMillis((i - EVENTS / 2) * 5L);
            // each tenant's first sign-in a lockout: its alert is kept in recent-alerts
            boolean locked = i < TENANTS;
            (before ? first : second).add(TestInput.signIn("e" + i, tenant, locked ? "locked" + i + "@x.com"
                    : "user" + (i % 400) + "@x.com", locked ? 50053 : i % 11 == 0 ? 50126 : 0, at));
            expected.merge(tenant, 1L, Long::sum);
        }
        List<ChildInstance> instances = new ArrayList<>();
        try {
            settings.put("state.dir", dir.resolve("state-a").toString());
            ChildInstance a = ChildInstance.start(dir, "a", settings);
            instances.add(a);
            settings.put("state.dir", dir.resolve("state-b").toString());
            ChildInstance b = ChildInstance.start(dir, "b", settings);
            instances.add(b);
            // both serving and holding partitions before any input: each then has the other's standby
            awaitMetric(a, "kafka_consumer_coordinator_assigned_partitions", Duration.ofMinutes(2));
            awaitMetric(b, "kafka_consumer_coordinator_assigned_partitions", Duration.ofMinutes(2));
            TestInput.produce(broker.bootstrapServers(), "standby-signin-events", first);
            // Kafka 4.3.1 under exactly-once takes a task with an empty window store (no segment, so no committed
            // offset) for corrupt when its standby becomes active, and restores it from scratch: closing the first
            // minute fills the hour and day roll-ups, the lockouts recent-alerts, so every window store holds data
            produceTicks(broker, start.plus(Duration.ofMinutes(4)));
            for (int t = 0; t < TENANTS; t++) {
                expected.merge("tenant-" + t, 1L, Long::sum); // their minute closes with the last ticks
            }
            IngestLag.awaitZero(broker.bootstrapServers(), "standby-it", "standby-signin-events", Duration.ofMinutes(3));
            // each instance processed some of it; which of them reads the input topic and which the
            // repartition topic is the assignor's choice, so count records processed by any task
            awaitMetric(a, "kafka_stream_thread_process_total", Duration.ofMinutes(1));
            awaitMetric(b, "kafka_stream_thread_process_total", Duration.ofMinutes(1));
            // A's state is all in its changelogs, and B's standbys have fetched all of it
            IngestLag.awaitZero(broker.bootstrapServers(), "standby-it", "standby-it-by-tenant-repartition",
                    Duration.ofMinutes(3));
            double fetchedByStandbys = RestoreConsumer.awaitCaughtUp(b, Duration.ofMinutes(2));

            a.kill();
            long killedAt = System.nanoTime();
            TestInput.produce(broker.bootstrapServers(), "standby-signin-events", second);
            IngestLag.awaitZero(broker.bootstrapServers(), "standby-it", "standby-signin-events", Duration.ofMinutes(3));
            Duration resumed = Duration.ofNanos(System.nanoTime() - killedAt);
            System.out.printf("standby takeover: all input processed %d ms after the kill%n", resumed.toMillis());
            assertThat(resumed).as("resumed within the session timeout and a minute").isLessThan(Duration.ofSeconds(66));

            try (TopicReader<String, ClassifiedEvent> classified = new TopicReader<>(broker.bootstrapServers(),
                    "standby-classified", new StringDeserializer(), GatewatchSerdes.CLASSIFIED.deserializer())) {
                List<ConsumerRecord<String, ClassifiedEvent>> all = classified.readUntil(read -> read.size() >= EVENTS + TENANTS,
                        Duration.ofMinutes(1));
                all = classified.readMore(Duration.ofSeconds(2));
                assertThat(all).extracting(r -> r.value().event().id()).as("every event classified exactly once")
                        .doesNotHaveDuplicates().hasSize(EVENTS + TENANTS);
            }
            produceTicks(broker, start.plus(Duration.ofMinutes(10)));
            try (TopicReader<String, TenantAggregate> aggregates = new TopicReader<>(broker.bootstrapServers(),
                    "standby-aggregates", new StringDeserializer(), GatewatchSerdes.AGGREGATE.deserializer())) {
                List<ConsumerRecord<String, TenantAggregate>> windows =
                        aggregates.readUntil(read -> AggregateTotals.perTenant(read).equals(expected), Duration.ofMinutes(2));
                windows = aggregates.readMore(Duration.ofSeconds(3));
                assertThat(AggregateTotals.perTenant(windows)).as("per-tenant totals after the takeover\n" + b.logTail())
                        .isEqualTo(expected);
            }
            // restored, and processing again: what B fetched since the kill is what its standbys still lacked
            double fetchedAtTakeover = RestoreConsumer.recordsFetched(b) - fetchedByStandbys;
            System.out.printf("standby takeover: changelog records fetched by B's standbys before the kill %.0f, at the "
                    + "takeover %.0f%n", fetchedByStandbys, fetchedAtTakeover);
            assertThat(fetchedAtTakeover).as("changelog records B fetched to take over (its standbys had fetched "
                    + fetchedByStandbys + ")").isLessThan(fetchedByStandbys);
        } finally {
            for (ChildInstance instance : instances) {
                instance.close();
            }
        }
    }

    /** One sign-in per tenant at {@code at}, in every input partition: stream time moves on everywhere. */
    private static void produceTicks(KafkaBroker broker, Instant at) {
        for (int partition = 0; partition < 2; partition++) {
            List<byte[]> ticks = new ArrayList<>();
            for (int t = partition; t < TENANTS; t += 2) {
                ticks.add(TestInput.signIn("tick" + t + "-" + at.getEpochSecond(), "tenant-" + t, "tick@x.com", 0, at));
            }
            TestInput.produce(broker.bootstrapServers(), "standby-signin-events", partition, ticks);
        }
    }

    /** Waits until the instance serves {@code metric} with a positive sum: it started, and it holds what it counts. */
    private static void awaitMetric(ChildInstance instance, String metric, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (instance.metricSum(metric) > 0) {
                    return;
                }
            } catch (java.io.IOException notServingYet) {
                // the instance's JVM is still starting
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(metric + " stayed at 0 for " + timeout + "\n" + instance.logTail());
            }
            Thread.sleep(500);
        }
    }
}
