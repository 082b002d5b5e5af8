package io.gatewatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.kafka.KafkaBroker;
import io.gatewatch.kafka.KafkaBrokerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health/live} is what a supervisor restarts an instance by: 200 while Kafka Streams runs,
 * 503 once it stopped in ERROR (here a thread's failure stops the client, as Gatewatch's handler
 * does when a failure keeps coming back), since such an instance never processes again.
 */
@ExtendWith(KafkaBrokerExtension.class)
class LivenessIT {

    @Test
    void liveUntilKafkaStreamsStopsInError(KafkaBroker broker, @TempDir Path dir) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("liveness-in", 1, (short) 1))).all().get();
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "liveness-it");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        StreamsBuilder builder = new StreamsBuilder();
        builder.<byte[], byte[]>stream("liveness-in").foreach((key, value) -> {
            throw new IllegalStateException("a failure that comes back");
        });
        GatewatchConfig config = ConfigLoader.build(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "state.dir", dir.toString()));
        Path tokens = Files.writeString(dir.resolve("tokens"), AccessTokens.fileLine("liveness-token-0123456789", "*") + "\n");
        HttpClient client = HttpClient.newHttpClient();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props);
             ApiServer server = ApiServer.start(config, "127.0.0.1", 0, streams, AccessTokens.load(tokens), null)) {
            streams.setUncaughtExceptionHandler(failure -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
            streams.start();
            URI live = URI.create("http://127.0.0.1:" + server.port() + "/health/live");
            assertThat(status(client, live)).as("live while starting").isEqualTo(200);

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("liveness-in", "poison")).get();
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (streams.state() != KafkaStreams.State.ERROR && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.ERROR);
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(live).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body()).contains("not live: ERROR");
        }
    }

    private static int status(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
