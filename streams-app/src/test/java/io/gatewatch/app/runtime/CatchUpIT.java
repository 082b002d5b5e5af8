package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.kafka.KafkaBroker;
import io.gatewatch.kafka.KafkaBrokerExtension;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.TenantAggregate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catch-up without loss: a six-hour backlog over three input partitions read at deliberately
 * different speeds — partition 0 whole first, partitions 1 and 2 only after it — so stream time
 * on the by-tenant topic runs six hours ahead of two thirds of the events, far past the default
 * two-minute grace. Every tenant window must still end exact on {@code signin-aggregates} (read
 * as an upsert: the latest record per tenant and window), and a brute-force attack whose failures
 * straddle the partitions must still alert, once.
 */
@ExtendWith(KafkaBrokerExtension.class)
class CatchUpIT {

    private static final int TENANTS = 4;
    private static final int EVENTS = 12_000;
    private static final String INPUT = "catchup-signin-events";

    @Test
    void aSkewedSixHourReplayLosesNoWindowAndNoAttack(KafkaBroker broker, @TempDir Path stateDir) throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", broker.bootstrapServers());
        values.put("application.id", "catchup-it");
        values.put("topic.partitions", "3");
        values.put("state.dir", stateDir.toString());
        values.put("commit.interval.ms", "200");
        values.put("aggregate.retention", "PT8H"); // must cover the longest backlog; window.grace stays at its 2 min
        values.put("http.port", "0");
        for (String topic : new String[] {"dynamics-access", "dynamics-orgs", "alerts", "aggregates", "aggregates-daily",
                "classified", "dlq"}) {
            values.put("topic." + topic, "catchup-" + topic);
        }
        values.put("topic.signin-events", INPUT);
        GatewatchConfig config = ConfigLoader.build(values);

        Instant start = Instant.now().minus(12, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        Map<Integer, List<byte[]>> byPartition = new HashMap<>();
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < EVENTS; i++) {
            String tenant = "tenant-" + (i % TENANTS);
            Instant time = start.plusMillis(i * 1_800L); // six hours
            byPartition.computeIfAbsent(i % 3, p -> new ArrayList<>())
                    .add(TestInput.signIn("e" + i, tenant, "user" + (i % 97) + "@x.com", 0, time));
            expected.merge(tenant + "@" + time.truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum);
        }
        // ten wrong passwords within five minutes at hour three, alternating between partitions 0 and 1
        Instant attack = start.plus(Duration.ofHours(3));
        for (int i = 0; i < 10; i++) {
            Instant time = attack.plusSeconds(i * 30L);
            byPartition.get(i % 2).add(TestInput.signIn("bf" + i, "tenant-0", "victim@x.com", 50126, time));
            expected.merge("tenant-0@" + time.truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(INPUT, 3, (short) 1))).all().get();
        }

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (GatewatchApp app = GatewatchApp.start(config, registry)) {
            assertThat(app.awaitRunning(Duration.ofSeconds(60))).as("streams RUNNING").isTrue();
            // partition 0 whole; of 1 and 2 only their first (and earliest) record, so every partition has an offset
            TestInput.produce(broker.bootstrapServers(), INPUT, 0, byPartition.get(0));
            TestInput.produce(broker.bootstrapServers(), INPUT, 1, byPartition.get(1).subList(0, 1));
            TestInput.produce(broker.bootstrapServers(), INPUT, 2, byPartition.get(2).subList(0, 1));
            awaitIdle(broker, config);
            List<byte[]> rest1 = byPartition.get(1);
            List<byte[]> rest2 = byPartition.get(2);
            TestInput.produce(broker.bootstrapServers(), INPUT, 1, rest1.subList(1, rest1.size()));
            TestInput.produce(broker.bootstrapServers(), INPUT, 2, rest2.subList(1, rest2.size()));
            awaitIdle(broker, config);
            List<byte[]> ticks = new ArrayList<>();
            for (int t = 0; t < TENANTS; t++) {
                Instant tick = start.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(10));
                ticks.add(TestInput.signIn("tick" + t, "tenant-" + t, "tick@x.com", 0, tick));
                expected.merge("tenant-" + t + "@" + tick.truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum);
            }
            TestInput.produce(broker.bootstrapServers(), INPUT, 0, ticks);

            try (TopicReader<String, TenantAggregate> aggregates = new TopicReader<>(broker.bootstrapServers(),
                    config.topics().aggregates().name(), new StringDeserializer(), GatewatchSerdes.AGGREGATE.deserializer());
                 TopicReader<String, Alert> alerts = new TopicReader<>(broker.bootstrapServers(),
                         config.topics().alerts().name(), new StringDeserializer(), GatewatchSerdes.ALERT.deserializer())) {
                // every window but the ticks' own (still open) is closed; their windows come from the store's flush
                Map<String, Long> closable = new HashMap<>(expected);
                closable.keySet().removeIf(key -> key.contains(start.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(10))
                        .truncatedTo(ChronoUnit.MINUTES).toString()));
                aggregates.readUntil(read -> totals(read).equals(closable), Duration.ofMinutes(3));
                List<ConsumerRecord<String, TenantAggregate>> windows = aggregates.readMore(Duration.ofSeconds(2));
                assertThat(totals(windows)).as("every tenant window after a skewed replay; %s",
                        AggregateTotals.dropped(registry)).isEqualTo(closable);
                assertThat(registry.get("gatewatch.aggregate.corrections").counter().count())
                        .as("the replay really came late").isGreaterThan(EVENTS / 2.0);
                assertThat(registry.get("gatewatch.aggregate.expired").counter().count()).isZero();
                assertThat(windows).filteredOn(r -> !r.value().correction())
                        .extracting(r -> r.key() + "@" + r.value().windowStart())
                        .as("on time, one record per closed window").doesNotHaveDuplicates();

                alerts.readUntil(read -> read.stream().anyMatch(r -> r.value().rule().equals("BRUTE_FORCE")),
                        Duration.ofMinutes(1));
                List<ConsumerRecord<String, Alert>> raised = alerts.readMore(Duration.ofSeconds(2));
                assertThat(raised).filteredOn(r -> r.value().rule().equals("BRUTE_FORCE"))
                        .extracting(r -> r.value().entity().value()).containsExactly("victim@x.com");
            }
        }
    }

    /** Each tenant window's latest total, keyed {@code tenant@windowStart}. */
    private static Map<String, Long> totals(List<ConsumerRecord<String, TenantAggregate>> records) {
        return AggregateTotals.latestPerWindow(records).values().stream().collect(Collectors.toMap(
                a -> a.tenantId() + "@" + a.windowStart(), TenantAggregate::total));
    }

    private static void awaitIdle(KafkaBroker broker, GatewatchConfig config) throws Exception {
        IngestLag.awaitZero(broker.bootstrapServers(), config.applicationId(), INPUT, Duration.ofMinutes(3));
        IngestLag.awaitZero(broker.bootstrapServers(), config.applicationId(), config.applicationId()
                + "-by-tenant-repartition", Duration.ofMinutes(3));
    }
}
