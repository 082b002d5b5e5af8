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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real broker with exactly-once: 100 000 distinct events over 20 tenants, with
 * 2 000 re-deliveries and 1 % malformed records mixed in. The closed windows' totals must equal
 * the distinct good events of each tenant exactly, every malformed record must be in the
 * dead-letter topic, and each planted lockout must raise exactly one alert.
 */
@ExtendWith(KafkaBrokerExtension.class)
class StreamingPipelineIT {

    private static final int TENANTS = 20;
    private static final int EVENTS = 100_000;
    private static final int DUPLICATES = 2_000;
    private static final int MALFORMED = 1_000;
    private static final int LOCKED_USERS = 7;

    @Test
    void countsEveryDistinctEventOnceAndFilesEveryMalformedRecord(KafkaBroker broker,
                                                                  @TempDir Path stateDir)
            throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", broker.bootstrapServers());
        values.put("application.id", "pipeline-it");
        // The whole input is produced at once, far faster than it is processed, so the three ingest
        // tasks catch up at their own pace and event time on the by-tenant topic is out of order by
        // minutes. A grace longer than the data's span makes "late" impossible, so the totals must be exact.
        values.put("window.grace", "PT1H");
        values.put("topic.partitions", "3");
        values.put("state.dir", stateDir.toString());
        values.put("commit.interval.ms", "200");
        GatewatchConfig config = ConfigLoader.build(values);

        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Random random = new Random(11);
        List<byte[]> firstDeliveries = new ArrayList<>();
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < EVENTS; i++) {
            String tenant = "tenant-" + (i % TENANTS);
            // roughly in event-time order with a little jitter, as Event Hubs delivers: well inside the grace period
            Instant time = start.plusMillis(i * 18L + random.nextInt(2_000));
            int code = i < LOCKED_USERS ? 50053 : (random.nextInt(100) < 5 ? 50126 : 0);
            String user = i < LOCKED_USERS ? "locked" + i + "@x.com" : "user" + random.nextInt(500) + "@x.com";
            firstDeliveries.add(TestInput.signIn("e" + i, tenant, user, code, time));
            expected.merge(tenant, 1L, Long::sum);
        }
        // in the second half, re-deliveries of earlier events and malformed records are mixed in
        List<byte[]> records = new ArrayList<>();
        int duplicates = 0;
        int malformed = 0;
        for (int i = 0; i < EVENTS; i++) {
            records.add(firstDeliveries.get(i));
            if (i >= EVENTS / 2 && duplicates < DUPLICATES && random.nextInt(50) < 2) {
                records.add(firstDeliveries.get(random.nextInt(i + 1)));
                duplicates++;
            }
            if (i >= EVENTS / 2 && malformed < MALFORMED && random.nextInt(50) == 0) {
                records.add(malformed(malformed++, random));
            }
        }
        for (; duplicates < DUPLICATES; duplicates++) {
            records.add(firstDeliveries.get(random.nextInt(EVENTS)));
        }
        for (; malformed < MALFORMED; malformed++) {
            records.add(malformed(malformed, random));
        }

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (GatewatchApp app = GatewatchApp.start(config, registry)) {
            assertThat(app.awaitRunning(Duration.ofSeconds(60))).as("streams RUNNING").isTrue();
            TestInput.produce(broker.bootstrapServers(), config.topics().signinEvents().name(), records);
            // once every input record is ingested, one tick per tenant moves every partition's stream
            // time past the last window + grace, so every window closes
            IngestLag.awaitZero(broker.bootstrapServers(), config.applicationId(), config.topics().signinEvents().name(),
                    Duration.ofMinutes(3));
            List<byte[]> ticks = new ArrayList<>();
            for (int t = 0; t < TENANTS; t++) {
                ticks.add(TestInput.signIn("tick" + t, "tenant-" + t, "tick@x.com", 0, start.plus(Duration.ofMinutes(100))));
            }
            TestInput.produce(broker.bootstrapServers(), config.topics().signinEvents().name(), ticks);

            try (TopicReader<String, TenantAggregate> aggregates = new TopicReader<>(broker.bootstrapServers(),
                    config.topics().aggregates().name(), new StringDeserializer(), GatewatchSerdes.AGGREGATE.deserializer());
                 TopicReader<byte[], byte[]> deadLetters = new TopicReader<>(broker.bootstrapServers(),
                         config.topics().deadLetter().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
                 TopicReader<String, Alert> alerts = new TopicReader<>(broker.bootstrapServers(),
                         config.topics().alerts().name(), new StringDeserializer(), GatewatchSerdes.ALERT.deserializer())) {

                aggregates.readUntil(read -> AggregateTotals.perTenant(read).equals(expected), Duration.ofMinutes(2));
                List<ConsumerRecord<String, TenantAggregate>> windows = aggregates.readMore(Duration.ofSeconds(3));
                assertThat(AggregateTotals.perTenant(windows)).as("windows of tenant-0: %s; %s", windows.stream()
                        .filter(r -> r.key().equals("tenant-0")).map(r -> r.value().windowStart() + "=" + r.value().total())
                        .sorted().toList(), AggregateTotals.dropped(registry)).isEqualTo(expected);
                assertThat(windows.stream().map(r -> r.key() + "@" + r.value().windowStart()).collect(Collectors.toSet()))
                        .as("one record per tenant per window").hasSize(windows.size());

                List<ConsumerRecord<byte[], byte[]>> dead = deadLetters.readUntil(r -> r.size() >= MALFORMED,
                        Duration.ofMinutes(1));
                assertThat(deadLetters.readMore(Duration.ofSeconds(1))).hasSize(MALFORMED);
                assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("__streams.errors.message")).isNotNull());

                alerts.readUntil(r -> r.size() >= LOCKED_USERS, Duration.ofMinutes(1));
                List<ConsumerRecord<String, Alert>> raised = alerts.readMore(Duration.ofSeconds(1));
                assertThat(raised).extracting(r -> r.value().entity().value())
                        .containsExactlyInAnyOrderElementsOf(lockedUsers());
            }
        }
    }

    private static Set<String> lockedUsers() {
        Set<String> users = new HashSet<>();
        for (int i = 0; i < LOCKED_USERS; i++) {
            users.add("locked" + i + "@x.com");
        }
        return users;
    }


    private static byte[] malformed(int i, Random random) {
        return switch (i % 3) {
            case 0 -> ("{\"time\":\"2025-11-14T01:00:00Z\",\"properties\":{\"id\":\"m" + i).getBytes(StandardCharsets.UTF_8);
            case 1 -> {
                byte[] blob = new byte[64];
                random.nextBytes(blob);
                yield blob;
            }
            default -> ("{\"id\":\"m" + i + "\",\"status\":{\"errorCode\":0}}").getBytes(StandardCharsets.UTF_8);
        };
    }

}
