package io.gatewatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.schema.read.JsonMappers;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled OpenAPI document describes every route the server really registers, and only
 * those: the server is started (its Kafka Streams instance built, never started) and Javalin's
 * own route list is compared with the document's paths and methods; the forwarding headers it
 * documents are the ones {@link ForwardSignature} sends.
 */
class OpenApiDocumentTest {

    @TempDir
    Path dir;

    @Test
    void documentsEveryRegisteredRouteAndNoOther() throws IOException {
        JsonNode document;
        try (InputStream in = getClass().getResourceAsStream("/gatewatch/openapi.json")) {
            document = JsonMappers.internal().readTree(in);
        }
        List<String> documented = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.at("/paths/~1api~1v1~1tenants~1{tenantId}~1trends/get/responses").has("403")).isTrue();
        List<String> forwardingHeaders = new ArrayList<>();
        document.at("/components/parameters").forEach(p -> forwardingHeaders.add(p.get("name").asText()));
        assertThat(forwardingHeaders).as("the headers instances forward with")
                .containsExactlyInAnyOrder(ForwardSignature.SCOPE, ForwardSignature.TIME, ForwardSignature.SIGNATURE);

        GatewatchConfig config = ConfigLoader.build(Map.of("bootstrap.servers", "127.0.0.1:1",
                "state.dir", dir.toString()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "openapi-routes");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("unused");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props);
             ApiServer server = ApiServer.start(config, "127.0.0.1", 0, streams, AccessTokens.none(),
                     new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
            List<String> registered = server.routes().stream()
                    .filter(route -> !route.equals("GET /api/v1/openapi.json")) // the document itself
                    .toList();
            assertThat(registered).containsExactlyInAnyOrderElementsOf(documented);
        }
    }
}
