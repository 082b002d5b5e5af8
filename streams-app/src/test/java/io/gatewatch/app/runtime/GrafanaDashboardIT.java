package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.app.api.AccessTokens;
import io.gatewatch.app.api.ApiServer;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.kafka.KafkaBroker;
import io.gatewatch.kafka.KafkaBrokerExtension;
import io.gatewatch.schema.read.JsonMappers;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provisioned Grafana dashboard ({@code config/grafana/dashboards/gatewatch.json}) queries only
 * series a running Gatewatch serves: every metric name in every panel's PromQL is a sample of the
 * live {@code /metrics} of an app that has read sign-ins, a duplicate and an unreadable record.
 */
@ExtendWith(KafkaBrokerExtension.class)
class GrafanaDashboardIT {

    private static final Path DASHBOARD = Path.of("..", "config", "grafana", "dashboards", "gatewatch.json");

    @Test
    void everyQueriedMetricIsServedByALiveApp(KafkaBroker broker, @TempDir Path stateDir) throws Exception {
        List<String> queries = new ArrayList<>();
        JsonNode dashboard = JsonMappers.internal().readTree(DASHBOARD.toFile());
        dashboard.get("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> queries.add(target.get("expr").asText())));
        Set<String> queried = new TreeSet<>();
        queries.forEach(query -> queried.addAll(PromQlNames.metrics(query)));
        assertThat(queried).as("metric names in the dashboard's queries").hasSizeGreaterThanOrEqualTo(queries.size());

        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", broker.bootstrapServers());
        values.put("application.id", "grafana-it");
        values.put("topic.partitions", "1");
        values.put("state.dir", stateDir.toString());
        values.put("commit.interval.ms", "200");
        for (String topic : new String[] {"signin-events", "dynamics-access", "dynamics-orgs", "alerts", "aggregates",
                "aggregates-daily", "classified", "dlq"}) {
            values.put("topic." + topic, "grafana-" + topic);
        }
        GatewatchConfig config = ConfigLoader.build(values);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Instant start = Instant.now().minus(Duration.ofMinutes(10));
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(TestInput.signIn("g" + i, "tenant-g", "user" + i + "@x.com", i % 5 == 0 ? 50126 : 0,
                    start.plusSeconds(i)));
        }
        records.add(TestInput.signIn("g0", "tenant-g", "user0@x.com", 50126, start)); // a duplicate
        records.add("{not json".getBytes(StandardCharsets.UTF_8)); // unreadable
        try (GatewatchApp app = GatewatchApp.start(config, registry);
             ApiServer api = ApiServer.start(config, "127.0.0.1", 0, app.streams(), AccessTokens.none(), registry)) {
            assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
            TestInput.produce(broker.bootstrapServers(), "grafana-signin-events", records);
            Set<String> served = Set.of();
            for (int attempt = 0; attempt < 120 && !served.containsAll(queried); attempt++) {
                Thread.sleep(500);
                served = PromQlNames.samples(scrape(api.port()));
            }
            assertThat(served).as("series the live /metrics serves").containsAll(queried);
        }
    }

    private static String scrape(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
