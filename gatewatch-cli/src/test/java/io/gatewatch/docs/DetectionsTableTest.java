package io.gatewatch.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.rules.catalogue.RuleCatalogue;
import io.gatewatch.rules.catalogue.RuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/detections.md's ATT&CK table says what the shipped catalogue (config/rules.yaml) says: one
 * row per rule with its severity, tactics and techniques (or "operational") and its false
 * positives, a rule off by default marked opt-in. A rule added, re-mapped or re-graded in the
 * catalogue fails this until the page follows.
 */
class DetectionsTableTest {

    @Test
    void everyRulesRowCarriesTheCataloguesSeverityAttackIdsAndFalsePositives() throws IOException {
        List<String> lines = Files.readAllLines(RepositoryRoot.find().resolve("docs/detections.md"));
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines) {
            String[] cells = line.split("\\|");
            // | ID | SEVERITY | tactics / techniques | false positives |: the one table with a severity second
            if (cells.length == 5 && cells[1].strip().matches("[A-Z0-9_]+( \\(opt-in\\))?")
                    && cells[2].strip().matches("INFO|LOW|MEDIUM|HIGH|CRITICAL")) {
                rows.put(cells[1].strip().replace(" (opt-in)", ""), line.strip());
            }
        }
        List<RuleDefinition> rules = RuleCatalogue.shipped().all();
        assertThat(rows.keySet()).as("rules in the table").containsExactlyInAnyOrderElementsOf(
                rules.stream().map(RuleDefinition::id).toList());
        for (RuleDefinition rule : rules) {
            String attack = rule.operational() ? "operational (not an attack)"
                    : String.join(", ", rule.tactics()) + " / " + String.join(", ", rule.techniques());
            String name = rule.enabled() ? rule.id() : rule.id() + " (opt-in)"; // off until switched on
            assertThat(rows.get(rule.id())).as(rule.id()).isEqualTo("| " + name + " | " + rule.severity() + " | "
                    + attack + " | " + String.join("; ", rule.falsePositives()) + " |");
        }
    }
}
