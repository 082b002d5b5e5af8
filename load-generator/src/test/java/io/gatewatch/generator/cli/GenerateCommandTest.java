package io.gatewatch.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.generator.scenario.Label;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        String[] run = {"--duration", "2h", "--scenarios", "attacks"};
        assertThat(run(with(run, "--seed", "5", "-o", file("a"), "--labels", file("a.labels")))).isZero();
        assertThat(run(with(run, "--seed", "5", "-o", file("b"), "--labels", file("b.labels")))).isZero();
        assertThat(run(with(run, "--seed", "6", "-o", file("c")))).isZero();

        assertThat(Files.readAllBytes(dir.resolve("a"))).isEqualTo(Files.readAllBytes(dir.resolve("b")));
        assertThat(Files.readAllBytes(dir.resolve("a.labels"))).isEqualTo(Files.readAllBytes(dir.resolve("b.labels")));
        assertThat(Files.readAllBytes(dir.resolve("a"))).isNotEqualTo(Files.readAllBytes(dir.resolve("c")));
    }

    @Test
    void graphOutputHasOneLinePerEventAndTheLabelsParse() throws IOException {
        int exit = run("--format", "graph", "--count", "300", "--scenario", "brute-force@10s", "-o", file("g"),
                "--labels", file("g.labels"), "--orgs", file("orgs"));

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("g"));
        List<String> labelLines = Files.readAllLines(dir.resolve("g.labels"));
        // 300 background events plus the scenario's own 12 failed sign-ins
        assertThat(lines).hasSize(300 + 12);
        ObjectMapper mapper = JsonMappers.internal();
        List<Label> labels = new ArrayList<>();
        for (String line : labelLines) {
            labels.add(mapper.readValue(line, Label.class));
        }
        assertThat(labels).extracting(Label::rule).contains("BRUTE_FORCE");
        assertThat(Files.readAllLines(dir.resolve("orgs"))).hasSize(20)
                .allSatisfy(l -> assertThat(l).contains("\"orgName\"", "\"tenantId\"", "\"regionHost\""));
    }

    /** Every known client the noise signs in with is in the exceptions file, under the rule it would trip. */
    @Test
    void theExceptionsFileListsEveryKnownClientOfTheNoise() throws IOException {
        // a Monday: the offices work
        CommandLine monday = new CommandLine(new GenerateCommand());
        monday.setErr(new PrintWriter(new StringWriter()));
        assertThat(monday.execute("--fast", "--rate", "0.1", "--start", "2026-11-02T00:00:00Z", "--duration", "1d",
                "--format", "graph", "-o", file("day"), "--exceptions", file("exceptions.properties"))).isZero();

        Properties exceptions = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("exceptions.properties"))) {
            exceptions.load(in);
        }
        Map<String, Set<String>> seen = new HashMap<>();
        ObjectMapper mapper = JsonMappers.internal();
        for (String line : Files.readAllLines(dir.resolve("day"))) {
            var event = mapper.readTree(line);
            String rule = event.path("clientAppUsed").asText().equals("Authenticated SMTP") ? "LEGACY_AUTH_SUCCESS"
                    : event.path("authenticationProtocol").asText().equals("deviceCode") ? "DEVICE_CODE_FIRST_USE"
                    : event.path("resourceDisplayName").asText().equals("Microsoft Graph") ? "FIRST_PARTY_CLIENT_TO_GRAPH" : null;
            if (rule != null) {
                seen.computeIfAbsent(rule, k -> new HashSet<>()).add(event.path("userPrincipalName").asText());
            }
        }
        assertThat(seen).containsOnlyKeys("LEGACY_AUTH_SUCCESS", "DEVICE_CODE_FIRST_USE", "FIRST_PARTY_CLIENT_TO_GRAPH");
        seen.forEach((rule, users) -> assertThat(List.of(exceptions.getProperty("rule." + rule + ".except-users").split(",")))
                .as(rule).containsAll(users));
        assertThat(exceptions.getProperty("rule.LEGACY_AUTH_SUCCESS.except-users")).contains("scan-to-mail@tenant1.example.com");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("--count", "10", "--duration", "1h")).isEqualTo(2);
        assertThat(run("--scenarios", "no-such-scenario")).isEqualTo(2);
        assertThat(run("--format", "csv")).isEqualTo(2); // CSV needs a file for its Dynamics sidecar
        assertThat(run("--format", "csv", "--bootstrap-servers", "localhost:9")).isEqualTo(2);
        assertThat(run("--scenario", "brute-force")).isEqualTo(2);
    }

    @Test
    void durationsReadShortAndIsoForms() {
        assertThat(DurationConverter.parse("90s")).hasSeconds(90);
        assertThat(DurationConverter.parse("2h")).hasHours(2);
        assertThat(DurationConverter.parse("P2D")).hasDays(2);
        assertThat(DurationConverter.parse("PT26H")).hasHours(26);
    }

    /** Scenario addresses (198.18.0.0/15 attackers, 2001:db8::/32 scenario users) never appear in background traffic. */
    @Test
    void scenarioAddressRangesAreKeptOutOfBackgroundTraffic() throws IOException {
        assertThat(run("--format", "graph", "--count", "20000", "--scenarios", "attacks", "-o", file("mixed"))).isZero();

        ObjectMapper mapper = JsonMappers.internal();
        int scenarioAddressed = 0;
        for (String line : Files.readAllLines(dir.resolve("mixed"))) {
            var event = mapper.readTree(line);
            String address = event.path("ipAddress").asText("");
            if (address.startsWith("198.18.") || address.startsWith("198.19.") || address.startsWith("2001:db8:")) {
                scenarioAddressed++;
                if (event.has("servicePrincipalId")) { // a scenario's app signs in as itself, no user
                    assertThat(event.path("servicePrincipalName").asText()).isEqualTo("Invoice Sync");
                    continue;
                }
                assertThat(event.path("userPrincipalName").asText()).as("user at scenario address %s", address)
                        .matches("s\\d+-.*");
            }
        }
        assertThat(scenarioAddressed).as("scenario events present").isGreaterThan(10);
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--fast", "--rate", "10", "--start", "2026-11-01T00:00:00Z"));
        all.addAll(List.of(args));
        CommandLine commandLine = new CommandLine(new GenerateCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(new StringWriter()));
        return commandLine.execute(all.toArray(String[]::new));
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }
}
