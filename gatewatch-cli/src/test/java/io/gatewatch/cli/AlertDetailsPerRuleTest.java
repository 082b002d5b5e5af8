package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.rules.catalogue.RuleCatalogue;
import io.gatewatch.rules.catalogue.RuleDefinition;
import io.gatewatch.rules.catalogue.RuleGuide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule's alert, as {@code analyze} prints it over two generated days with every scenario,
 * carries its own rule's triage and response (not a failure category's advice), bounded evidence
 * and the pivots to its sign-ins; a tenant's hourly spike carries its hour's pivot, not evidence.
 */
class AlertDetailsPerRuleTest {

    /** A spike is about a tenant's hour: its evidence is its counts. */
    private static final Set<String> SPIKES = Set.of("CONDITIONAL_ACCESS_SPIKE", "FAILURE_RATE_SPIKE");

    @TempDir
    Path dir;

    @Test
    void everyRulesAlertCarriesItsOwnTriageResponseEvidenceAndPivots() throws Exception {
        String logs = dir.resolve("two-days.json").toString();
        String watchlist = dir.resolve("watchlist.csv").toString();
        Path rules = dir.resolve("rules.properties");
        CliRun generate = CliRun.run("generate", "--scenarios", "all", "--duration", "2d", "--rate", "0.25", "--fast",
                "--start", "2026-11-02T00:00:00Z", "--seed", "11", "-o", logs, "--labels", dir.resolve("l.jsonl").toString(),
                "--watchlist-out", watchlist, "--exceptions", rules.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        Files.writeString(rules, "rule.CROSS_TENANT_SPRAY.enabled=true\n", StandardOpenOption.APPEND);
        CliRun analyze = CliRun.run("analyze", "--rules", rules.toString(), "--watchlist", watchlist, logs);
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();

        Map<String, List<JsonNode>> byRule = new HashMap<>();
        analyze.json().stream().filter(n -> n.get("type").asText().equals("alert"))
                .forEach(a -> byRule.computeIfAbsent(a.get("rule").asText(), r -> new ArrayList<>()).add(a));
        assertThat(byRule.keySet()).as("rules that alerted").hasSizeGreaterThanOrEqualTo(35);
        for (Map.Entry<String, List<JsonNode>> rule : byRule.entrySet()) {
            RuleGuide guide = RuleCatalogue.shipped().get(rule.getKey()).map(RuleDefinition::guide).orElseThrow();
            for (JsonNode alert : rule.getValue()) {
                String id = rule.getKey();
                List<String> response = texts(alert.get("remediation"));
                assertThat(response).as(id + " response").hasSameSizeAs(guide.response());
                for (int i = 0; i < response.size(); i++) { // {orgUrl}: the org's own regional URL, filled in
                    assertThat(response.get(i)).as(id + " response").matches(
                            Pattern.quote(guide.response().get(i)).replace("{orgUrl}", "\\E.+\\Q"));
                }
                List<String> questions = new ArrayList<>();
                alert.get("triage").forEach(t -> questions.add(t.get("question").asText()));
                assertThat(questions).as(id + " triage").isEqualTo(guide.triage().stream().map(RuleGuide.Question::ask).toList());
                assertThat(alert.get("pivots").get("kql").asText()).as(id + " KQL").contains("| where TimeGenerated between");
                JsonNode evidence = alert.get("evidence");
                if (SPIKES.contains(id)) {
                    continue;
                }
                assertThat(evidence.get("signInsTotal").asInt()).as(id + " sign-ins").isPositive();
                assertThat(evidence.get("signIns").size()).as(id).isBetween(1, 20);
                assertThat(evidence.get("users").size()).as(id).isLessThanOrEqualTo(20);
                assertThat(alert.toString().length()).as(id + " alert size, bounded").isLessThan(16_000);
            }
        }
        Set<String> answered = new TreeSet<>();
        byRule.forEach((id, alerts) -> alerts.forEach(a -> a.get("triage").forEach(t -> {
            if (!t.get("answer").isNull()) {
                answered.add(id);
            }
        })));
        assertThat(answered).as("rules whose triage Gatewatch answers").contains("PASSWORD_SPRAY", "BRUTE_FORCE",
                "IMPOSSIBLE_TRAVEL", "LOCKOUT_STORM");
        assertThat(byRule.get("PASSWORD_SPRAY")).allSatisfy(spray ->
                assertThat(spray.get("evidence").get("signedInAfterwards").get("checked").asInt()).isPositive());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
