package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.detect.OfflineAnalyzer;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.read.InputFileReader;
import io.gatewatch.schema.read.JsonMappers;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze} drives the detection core directly; its output must be exactly what the
 * streaming topology produces for the same events (run here in Kafka Streams' test driver): every
 * alert and aggregate, in the same order, on two generated days with every scenario and near
 * miss, re-deliveries (soon after and hours later) and mild reordering mixed in.
 */
class OfflineEquivalenceTest {

    @TempDir
    Path dir;

    @Test
    void theCoreDrivenDirectlyGivesTheTopologysOutput() throws IOException {
        Path logs = dir.resolve("two-days.json");
        CliRun generate = CliRun.run("generate", "--scenarios", "all", "--duration", "2d", "--rate", "0.25", "--fast",
                "--start", "2026-11-02T00:00:00Z", "--seed", "23", "-o", logs.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        List<InputEvent> events = withRedeliveriesAndReordering(read(logs));
        GatewatchConfig config = new RulesFile().offlineConfig();

        List<JsonNode> streaming = new ArrayList<>();
        try (OfflineTopology topology = new OfflineTopology(config)) {
            events.forEach(event -> topology.process(event, json(streaming)));
            topology.finish(json(streaming));
        }
        List<JsonNode> direct = new ArrayList<>();
        OfflineAnalyzer analyzer = new OfflineAnalyzer(new OfflineAnalyzer.Settings(config.windowSize(), config.grace(),
                config.aggregateRetention(), config.dedupHorizon(), config.rules(),
                config.alertUpdateInterval()), ClassificationData.defaults(), Map.of());
        events.forEach(event -> analyzer.process(event, json(direct)));
        analyzer.finish(json(direct));

        assertThat(streaming.stream().filter(line -> line.has("alertId")).count()).as("alerts").isGreaterThan(60);
        assertThat(analyzer.duplicates()).as("re-deliveries dropped").isGreaterThan(100);
        int first = 0;
        while (first < Math.min(direct.size(), streaming.size()) && direct.get(first).equals(streaming.get(first))) {
            first++;
        }
        assertThat(first).as("first difference, of %d streaming and %d direct lines:%nstreaming %s%ndirect    %s",
                streaming.size(), direct.size(), window(streaming, first), window(direct, first))
                .isEqualTo(streaming.size()).isEqualTo(direct.size());
    }

    private static List<JsonNode> window(List<JsonNode> lines, int at) {
        return lines.subList(Math.min(at, lines.size()), Math.min(at + 3, lines.size()));
    }

    private static List<InputEvent> withRedeliveriesAndReordering(List<InputEvent> events) {
        Random random = new Random(7);
        List<InputEvent> mixed = new ArrayList<>(events.size() + 600);
        for (int i = 0; i < events.size(); i++) {
            if (i > 0 && random.nextInt(50) == 0 && !mixed.isEmpty()) {
                // a neighbour a few seconds out of order, well inside the grace period
                InputEvent previous = mixed.remove(mixed.size() - 1);
                mixed.add(events.get(i));
                mixed.add(previous);
                continue;
            }
            mixed.add(events.get(i));
            if (random.nextInt(200) == 0) {
                mixed.add(events.get(i)); // re-delivered at once
            }
            if (i > 2_000 && random.nextInt(300) == 0) {
                mixed.add(events.get(i - 1_500 - random.nextInt(500))); // re-delivered hours later
            }
        }
        return mixed;
    }

    /** Every event a file holds, as the offline commands read them. */
    static List<InputEvent> read(Path file) throws IOException {
        List<InputEvent> events = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            new InputFileReader(new RecordDecoder(ReaderLimits.DEFAULT)).read(in, result -> {
                if (result instanceof ReadResult.Read read) {
                    events.add(read.event());
                }
            });
        }
        return events;
    }

    /** Outputs as JSON trees: equal when their fields are, whatever order a map iterates in. */
    private static Consumer<Object> json(List<JsonNode> lines) {
        return value -> lines.add(JsonMappers.internal().valueToTree(value));
    }
}
