package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.kafka.KafkaBroker;
import io.gatewatch.kafka.KafkaBrokerExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decoded stores rest on Kafka Streams calling {@code flushCache} on every store before it
 * commits a task's transaction: that is when the values held decoded reach the changelog. Should a
 * Kafka upgrade stop doing so, a commit would carry the input offsets without the state they
 * produced, and a crash would lose those events. Here: once the application has committed every
 * input record, the committed changelog of the tenant's minute must count every one of them.
 */
@ExtendWith(KafkaBrokerExtension.class)
class HeldValuesCommitIT {

    private static final int EVENTS = 300;
    private static final String TENANT = "tenant-held";

    @Test
    void everyCommittedEventIsInTheCommittedChangelog(KafkaBroker broker, @TempDir Path stateDir) throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", broker.bootstrapServers());
        values.put("application.id", "held-it");
        values.put("topic.partitions", "1");
        values.put("window.grace", "PT1H");
        values.put("http.port", "0");
        values.put("state.dir", stateDir.toString());
        GatewatchConfig config = ConfigLoader.build(values);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(TestInput.signIn("held-" + i, TENANT, "user" + (i % 20) + "@held.example", i % 3 == 0 ? 50126 : 0,
                    minute.plusMillis(i * 100L)));
        }
        try (GatewatchApp app = GatewatchApp.start(config, new SimpleMeterRegistry())) {
            assertThat(app.awaitRunning(Duration.ofMinutes(2))).isTrue();
            TestInput.produce(broker.bootstrapServers(), config.topics().signinEvents().name(), events);
            IngestLag.awaitZero(broker.bootstrapServers(), config.applicationId(), config.topics().signinEvents().name(),
                    Duration.ofMinutes(2));
            IngestLag.awaitZero(broker.bootstrapServers(), config.applicationId(), GatewatchTopology.byTenantTopic(config),
                    Duration.ofMinutes(2));

            try (TopicReader<byte[], byte[]> changelog = new TopicReader<>(broker.bootstrapServers(),
                    config.applicationId() + "-tenant-window-counts-changelog", new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                List<ConsumerRecord<byte[], byte[]>> minuteRecords = changelog.readMore(Duration.ZERO).stream()
                        .filter(r -> new String(r.key(), StandardCharsets.UTF_8).startsWith(TENANT)).toList();
                assertThat(minuteRecords).as("the tenant's minute in the committed changelog").isNotEmpty();
                // a timestamped window store logs the value alone, its timestamp as the record's
                TenantWindowCounts counts = GatewatchSerdes.WINDOW_COUNTS.deserializer()
                        .deserialize("", minuteRecords.get(minuteRecords.size() - 1).value());
                assertThat(counts.total()).as("events in the committed state").isEqualTo(EVENTS);
            }
        }
    }
}
