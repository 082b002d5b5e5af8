package io.gatewatch.generator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.generator.GeneratedEvent;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.TenantOrgs;
import io.gatewatch.generator.TrafficStream;
import io.gatewatch.generator.scenario.Label;
import io.gatewatch.generator.scenario.ScenarioBuilder;
import io.gatewatch.generator.scenario.ScenarioSchedule;
import io.gatewatch.schema.read.JsonMappers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A run worked out before the first event is sent: the traffic stream with its scenarios placed,
 * and the label and org files written, so a run stopped early still leaves its labels.
 */
record GenerationPlan(TrafficStream traffic, Instant start, int scenarios, int scenarioEvents, int labels) {

    static GenerationPlan of(SyntheticDirectory directory, long seed, Instant start, Duration length, double rate,
                             boolean noise, List<ScenarioSchedule.Request> requests, Path labelFile, Path orgFile,
                             Path watchlistFile, PrintWriter err) throws IOException {
        List<ScenarioBuilder.Injection> injections = new ScenarioSchedule(directory, rate)
                .place(requests, start, length, note -> err.println("note: " + note));
        List<GeneratedEvent> events = injections.stream().flatMap(i -> i.events().stream()).toList();
        List<Label> labels = injections.stream().flatMap(i -> i.labels().stream()).toList();
        for (ScenarioBuilder.Injection injection : injections) { // where each went: what an analyst looks for
            err.printf("scenario %-38s tenant %d  %s%n", injection.scenario(),
                    directory.tenantIndex(injection.events().get(0).tenantId()) + 1, injection.events().get(0).time());
        }
        ObjectMapper mapper = JsonMappers.internal();
        if (labelFile != null) {
            writeLines(labelFile, mapper, labels);
        }
        if (orgFile != null) {
            writeLines(orgFile, mapper, new TenantOrgs(directory).all().stream().map(org -> mapper.createObjectNode()
                    .put("orgName", org.orgName()).put("tenantId", org.tenantId()).put("regionHost", org.regionHost()))
                    .toList());
        }
        if (watchlistFile != null) { // the accounts the scenarios watch, as a watchlist file for analyze and evaluate
            List<String> rows = new java.util.ArrayList<>(List.of("watchlist,user"));
            injections.stream().flatMap(i -> i.watched().stream()).forEach(m -> rows.add(m.watchlist() + "," + m.user()));
            Files.write(watchlistFile, rows, StandardCharsets.UTF_8);
        }
        return new GenerationPlan(new TrafficStream(directory, seed, start, length, rate, events, noise), start,
                injections.size(), events.size(), labels.size());
    }

    private static void writeLines(Path file, ObjectMapper mapper, List<?> values) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Object value : values) {
                out.write(mapper.writeValueAsString(value));
                out.write('\n');
            }
        }
    }
}
