package io.gatewatch.generator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.generator.BenignTraffic;
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
import java.util.Map;

/**
 * A run worked out before the first event is sent: the traffic stream with its scenarios placed,
 * and the label, org and exception files written, so a run stopped early still leaves its labels.
 */
record GenerationPlan(TrafficStream traffic, Instant start, int scenarios, int scenarioEvents, int labels) {

    /** Files to write beside the traffic; each null when not asked for. */
    record SideFiles(Path labels, Path orgs, Path watchlist, Path exceptions) {
    }

    static GenerationPlan of(SyntheticDirectory directory, long seed, Instant start, Duration length, double rate,
                             boolean noise, List<ScenarioSchedule.Request> requests, SideFiles files, PrintWriter err)
            throws IOException {
        List<ScenarioBuilder.Injection> injections = new ScenarioSchedule(directory, rate)
                .place(requests, start, length, note -> err.println("note: " + note));
        List<GeneratedEvent> events = injections.stream().flatMap(i -> i.events().stream()).toList();
        List<Label> labels = injections.stream().flatMap(i -> i.labels().stream()).toList();
        for (ScenarioBuilder.Injection injection : injections) { // where each went: what an analyst looks for
            err.printf("scenario %-38s tenant %d  %s%n", injection.scenario(),
                    directory.tenantIndex(injection.events().get(0).tenantId()) + 1, injection.events().get(0).time());
        }
        ObjectMapper mapper = JsonMappers.internal();
        if (files.labels() != null) {
            writeLines(files.labels(), mapper, labels);
        }
        if (files.exceptions() != null) {
            writeExceptions(files.exceptions(), BenignTraffic.knownClientExceptions(directory));
        }
        if (files.orgs() != null) {
            writeLines(files.orgs(), mapper, new TenantOrgs(directory).all().stream().map(org -> mapper.createObjectNode()
                    .put("orgName", org.orgName()).put("tenantId", org.tenantId()).put("regionHost", org.regionHost()))
                    .toList());
        }
        if (files.watchlist() != null) { // the accounts the scenarios watch, as a watchlist file for analyze and evaluate
            List<String> rows = new java.util.ArrayList<>(List.of("watchlist,user"));
            injections.stream().flatMap(i -> i.watched().stream()).forEach(m -> rows.add(m.watchlist() + "," + m.user()));
            Files.write(files.watchlist(), rows, StandardCharsets.UTF_8);
        }
        return new GenerationPlan(new TrafficStream(directory, seed, start, length, rate, events, noise), start,
                injections.size(), events.size(), labels.size());
    }

    /** The settings as a properties file that says what it is: known clients, listed as a tenant does after their first alert. */
    private static void writeExceptions(Path file, Map<String, String> settings) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# The generated tenants' known clients, excepted from the rules they would otherwise trip, as a\n"
                    + "# tenant lists them after the first alert (docs/commands.md, generate). Give it to evaluate or analyze:\n"
                    + "#   ./gatewatch evaluate --labels labels.jsonl --rules THIS_FILE logs.json\n");
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                out.write(setting.getKey() + "=" + setting.getValue() + "\n");
            }
        }
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
