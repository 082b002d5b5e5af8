package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.detect.OfflineAnalyzer;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules as data, end to end: a rule file written only for this test (one rule of each shape) runs
 * in {@code analyze}'s engine and in the topology {@code run} deploys (TopologyTestDriver) with the
 * same alerts; a switched-off rule raises nothing in either; a re-graded one alerts at its new
 * severity; every alert carries its rule's ATT&CK ids.
 */
class CatalogueRulesTest {

    @TempDir
    static Path dir;
    private static List<InputEvent> events;
    private static Path ruleFile;

    @BeforeAll
    static void generateADayWithAttacks() throws IOException {
        Path logs = dir.resolve("day.json");
        CliRun generate = CliRun.run("generate", "--scenarios", "brute-force-success,account-lockout,mfa-fatigue-success",
                "--duration", "6h", "--rate", "1", "--fast", "--start", "2026-11-02T00:00:00Z", "--seed", "5",
                "-o", logs.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        events = OfflineEquivalenceTest.read(logs);
        ruleFile = dir.resolve("one-of-each-shape.yaml");
        try (InputStream in = CatalogueRulesTest.class.getResourceAsStream("/rules/one-of-each-shape.yaml")) {
            Files.write(ruleFile, in.readAllBytes());
        }
    }

    @Test
    void aRuleFilesRulesFireAlikeInAnalyzeAndInTheTopologyWithTheirAttackIds() throws IOException {
        GatewatchConfig config = config(Map.of(ConfigLoader.RULE_FILES, ruleFile.toString()));

        List<JsonNode> direct = direct(config);

        assertThat(direct).isEqualTo(streaming(config));
        for (String rule : List.of("PORTAL_CA_BLOCK", "TYPO_STREAK", "CA_BLOCK_THEN_SUCCESS_BURST", "CA_BLOCK_THEN_SUCCESS",
                "FIRST_APP_TODAY")) {
            String techniques = rule.equals("TYPO_STREAK") ? "[\"T1110.001\"]" : "[\"T1078.004\"]";
            assertThat(alerts(direct, rule)).as(rule).isNotEmpty().allSatisfy(alert -> assertThat(
                    alert.get("attack").get("techniques").toString()).isEqualTo(techniques));
        }
        assertThat(alerts(direct, "PORTAL_CA_BLOCK")).allSatisfy(alert -> assertThat(alert.get("summary").asText())
                .endsWith("was blocked from the Azure Portal (Azure Portal)."));
        assertThat(alerts(direct, "CA_BLOCK_THEN_SUCCESS")).allSatisfy(alert -> {
            assertThat(alert.get("severity").asText()).isEqualTo("MEDIUM");
            assertThat(alert.get("relatedAlertId").isNull()).isFalse();
        });
        assertThat(alerts(direct, "BRUTE_FORCE")).as("the shipped rules run beside them").isNotEmpty()
                .allSatisfy(alert -> assertThat(alert.get("attack").get("techniques").toString()).isEqualTo("[\"T1110.001\"]"));
    }

    @Test
    void aSwitchedOffRuleRaisesNothingAndARegradedOneAlertsAtItsNewSeverity() throws IOException {
        GatewatchConfig shipped = config(Map.of());
        GatewatchConfig tuned = config(Map.of("rule.BRUTE_FORCE.enabled", "false", "rule.ACCOUNT_LOCKOUT.severity", "HIGH"));

        List<JsonNode> before = direct(shipped);
        List<JsonNode> after = direct(tuned);

        assertThat(alerts(before, "BRUTE_FORCE")).isNotEmpty();
        assertThat(alerts(before, "BRUTE_FORCE_SUCCESS")).isNotEmpty();
        assertThat(alerts(after, "BRUTE_FORCE")).isEmpty();
        assertThat(alerts(after, "BRUTE_FORCE_SUCCESS")).as("no burst, no escalation").isEmpty();
        assertThat(alerts(before, "ACCOUNT_LOCKOUT")).isNotEmpty()
                .allSatisfy(alert -> assertThat(alert.get("severity").asText()).isEqualTo("MEDIUM"));
        assertThat(alerts(after, "ACCOUNT_LOCKOUT")).hasSameSizeAs(alerts(before, "ACCOUNT_LOCKOUT"))
                .allSatisfy(alert -> assertThat(alert.get("severity").asText()).isEqualTo("HIGH"));
        assertThat(streaming(tuned)).isEqualTo(after);
    }

    @Test
    void exceptedTrafficRaisesNothingAndTheTopologyKeepsNoRuleStateForIt() throws IOException {
        GatewatchConfig excepted = config(Map.of("exceptions.addresses", "0.0.0.0/0,::/0"));
        GatewatchConfig shipped = config(Map.of());

        try (OfflineTopology plain = new OfflineTopology(shipped); OfflineTopology except = new OfflineTopology(excepted)) {
            List<Object> plainAlerts = new ArrayList<>();
            List<Object> exceptedAlerts = new ArrayList<>();
            events.forEach(event -> {
                plain.process(event, out -> plainAlerts.add(out));
                except.process(event, out -> exceptedAlerts.add(out));
            });

            assertThat(plainAlerts).anyMatch(out -> out instanceof io.gatewatch.schema.Alert);
            assertThat(plain.ruleWindowEntries()).isPositive();
            assertThat(exceptedAlerts).noneMatch(out -> out instanceof io.gatewatch.schema.Alert);
            assertThat(except.ruleWindowEntries()).as("no rule window written for excepted traffic").isZero();
        }
    }

    private static GatewatchConfig config(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(settings);
        values.put("processing.guarantee", "at_least_once");
        values.put("event.max-future", "P36500D");
        return ConfigLoader.build(values);
    }

    private static List<JsonNode> direct(GatewatchConfig config) {
        List<JsonNode> out = new ArrayList<>();
        OfflineAnalyzer analyzer = new OfflineAnalyzer(new OfflineAnalyzer.Settings(config.windowSize(), config.grace(),
                config.aggregateRetention(), config.dedupHorizon(), config.rules(),
                config.alertUpdateInterval()), ClassificationData.defaults(), Map.of());
        events.forEach(event -> analyzer.process(event, value -> out.add(JsonMappers.internal().valueToTree(value))));
        return out.stream().filter(line -> line.has("alertId")).toList();
    }

    private static List<JsonNode> streaming(GatewatchConfig config) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (OfflineTopology topology = new OfflineTopology(config)) {
            events.forEach(event -> topology.process(event, value -> out.add(JsonMappers.internal().valueToTree(value))));
        }
        return out.stream().filter(line -> line.has("alertId")).toList();
    }

    private static List<JsonNode> alerts(List<JsonNode> lines, String rule) {
        return lines.stream().filter(line -> line.get("rule").asText().equals(rule)).toList();
    }
}
