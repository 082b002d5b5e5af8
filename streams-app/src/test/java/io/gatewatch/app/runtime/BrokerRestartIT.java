package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.api.AccessTokens;
import io.gatewatch.app.api.ApiServer;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.TenantAggregate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away mid-stream and comes back (a clean stop and a start on the same log
 * directories and ports, as a broker upgrade or host reboot does). The app needs no manual action:
 * it reports not ready while the broker is away, ready again after, and the output is exact —
 * every event classified once, every tenant's windows exact, every lockout alerted once.
 */
class BrokerRestartIT {

    private static final int TENANTS = 4;
    private static final int EVENTS = 12_000;
    private static final int LOCKED_USERS = 8;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theAppRidesOutABrokerRestartLosingAndDoublingNothing(@TempDir Path dir) throws Exception {
        try (ChildKafkaBroker broker = ChildKafkaBroker.start(dir.resolve("broker"), "PLAINTEXT", Map.of(), List.of(),
                Map.of())) {
            Map<String, String> values = new HashMap<>();
            values.put("bootstrap.servers", broker.bootstrapServers());
            values.put("application.id", "broker-restart-it");
            values.put("topic.partitions", "3");
            values.put("state.dir", dir.resolve("state").toString());
            values.put("commit.interval.ms", "200");
            values.put("emit.classified", "true");
            GatewatchConfig config = ConfigLoader.build(values);
            String input = config.topics().signinEvents().name();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(input, 3, (short) 1))).all().get();
            }
            Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
            List<byte[]> records = new ArrayList<>();
            Map<String, Long> expected = new HashMap<>();
            for (int i = 0; i < EVENTS; i++) {
                String tenant = "tenant-" + (i % TENANTS);
                boolean locked = i % (EVENTS / LOCKED_USERS) == 7;
                String user = locked ? "locked" + i + "@x.com" : "user" + (i % 200) + "@x.com";
                records.add(TestInput.signIn("e" + i, tenant, user, locked ? 50053 : 0, start.plusMillis(i * 300L)));
                expected.merge(tenant, 1L, Long::sum);
            }

            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (GatewatchApp app = GatewatchApp.start(config, registry);
                 ApiServer api = ApiServer.start(config, 0, app.streams(), AccessTokens.none(), null)) {
                assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
                awaitReady(api, true, Duration.ofSeconds(30));
                TestInput.produce(broker.bootstrapServers(), input, records.subList(0, EVENTS / 2));
                IngestLag.awaitZero(broker.bootstrapServers(), config.applicationId(), input, Duration.ofMinutes(2));

                broker.stop();
                awaitReady(api, false, Duration.ofSeconds(30));
                Thread.sleep(5_000); // away long enough for commits and fetches to fail
                assertThat(ready(api)).as("still away").isFalse();
                broker.startAgain();
                awaitReady(api, true, Duration.ofMinutes(2));

                TestInput.produce(broker.bootstrapServers(), input, records.subList(EVENTS / 2, EVENTS));
                IngestLag.awaitZero(broker.bootstrapServers(), config.applicationId(), input, Duration.ofMinutes(3));
                List<byte[]> ticks = new ArrayList<>();
                for (int t = 0; t < TENANTS; t++) {
                    ticks.add(TestInput.signIn("tick" + t, "tenant-" + t, "tick@x.com", 0, start.plus(Duration.ofHours(2))));
                }
                TestInput.produce(broker.bootstrapServers(), input, ticks);

                try (TopicReader<String, TenantAggregate> aggregates = new TopicReader<>(broker.bootstrapServers(),
                        config.topics().aggregates().name(), new StringDeserializer(), GatewatchSerdes.AGGREGATE.deserializer());
                     TopicReader<String, ClassifiedEvent> classified = new TopicReader<>(broker.bootstrapServers(),
                             config.topics().classified().name(), new StringDeserializer(),
                             GatewatchSerdes.CLASSIFIED.deserializer());
                     TopicReader<String, Alert> alerts = new TopicReader<>(broker.bootstrapServers(),
                             config.topics().alerts().name(), new StringDeserializer(), GatewatchSerdes.ALERT.deserializer())) {
                    aggregates.readUntil(read -> AggregateTotals.perTenant(read).equals(expected), Duration.ofMinutes(2));
                    List<ConsumerRecord<String, TenantAggregate>> windows = aggregates.readMore(Duration.ofSeconds(2));
                    assertThat(AggregateTotals.perTenant(windows)).as("per-tenant totals across a broker restart; %s",
                            AggregateTotals.dropped(registry)).isEqualTo(expected);
                    List<ConsumerRecord<String, ClassifiedEvent>> all = classified.readUntil(
                            read -> read.size() >= EVENTS + TENANTS, Duration.ofMinutes(1));
                    all = classified.readMore(Duration.ofSeconds(2));
                    assertThat(all).extracting(r -> r.value().event().id()).as("every event classified exactly once")
                            .doesNotHaveDuplicates().hasSize(EVENTS + TENANTS);
                    alerts.readUntil(read -> read.size() >= LOCKED_USERS, Duration.ofMinutes(1));
                    assertThat(alerts.readMore(Duration.ofSeconds(2))).extracting(r -> r.value().entity().value())
                            .as("each lockout alerts exactly once").doesNotHaveDuplicates().hasSize(LOCKED_USERS);
                }
                assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            }
        }
    }

    private void awaitReady(ApiServer api, boolean wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready(api) == wanted) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("/health/ready did not become " + (wanted ? "ready" : "not ready") + " in " + timeout);
    }

    private boolean ready(ApiServer api) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    }
}
