package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.rules.catalogue.RuleCatalogue;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule author's loop: list the catalogue, check a file, see the error where it is. */
class RulesCommandTest {

    private static final int SHIPPED = RuleCatalogue.shipped().all().size();

    @TempDir
    Path dir;

    private Path testRules() throws IOException {
        Path file = dir.resolve("my-rules.yaml");
        try (InputStream in = RulesCommandTest.class.getResourceAsStream("/rules/one-of-each-shape.yaml")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void rulesListsEveryRuleWithItsTechniques() {
        CliRun run = CliRun.run("rules");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(SHIPPED + 1).anySatisfy(line -> assertThat(line)
                .matches("PASSWORD_SPRAY +java +HIGH +yes +T1110\\.003 +Password spray from one address"))
                .anySatisfy(line -> assertThat(line).startsWith("CROSS_TENANT_SPRAY").contains(" no "))
                .anySatisfy(line -> assertThat(line).startsWith("DYNAMICS_MISSING_ROLE").contains("(operational)"));
    }

    @Test
    void rulesJsonCarriesWhatAnAnalystReadsAndAddsARuleFilesRules() throws IOException {
        CliRun run = CliRun.run("rules", "--json", "--rules", testRules().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rules = JsonMappers.internal().readTree(run.out());
        assertThat(rules).hasSize(SHIPPED + 5);
        JsonNode spray = rules.findParents("id").stream().filter(r -> r.get("id").asText().equals("PASSWORD_SPRAY"))
                .findFirst().orElseThrow();
        assertThat(spray.get("attack").get("techniques").get(0).asText()).isEqualTo("T1110.003");
        assertThat(spray.get("anchors").get(0).asText()).contains("SigninPasswordSpray");
        assertThat(spray.get("falsePositives")).isNotEmpty();
        assertThat(rules.findValuesAsText("id")).contains("PORTAL_CA_BLOCK", "FIRST_APP_TODAY");
    }

    @Test
    void checkSaysOkForAGoodFile() throws IOException {
        CliRun run = CliRun.run("rules", "check", testRules().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("ok: 5 rule(s) in 1 file(s), " + (SHIPPED + 5) + " with the shipped ones");
    }

    @Test
    void checkNamesFileLineRuleAndFieldInOneLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(testRules())
                .replace("params: {threshold: 2, window: PT10M", "params: {threshold: two, window: PT10M"));

        CliRun run = CliRun.run("rules", "check", bad.toString());

        OneLineErrorsTest.assertOneLine(run, 2, bad + ":21: rule TYPO_STREAK: params.threshold: a whole number, was 'two'");
    }

    @Test
    void analyzeRefusesABadRuleFileTheSameWayBeforeReadingInput() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(testRules())
                .replace("entity: user+address", "entity: device"));
        Path logs = Files.writeString(dir.resolve("logs.json"), ClassifyCommandTest.good("a") + "\n");

        CliRun run = CliRun.run("analyze", "--rules", bad.toString(), logs.toString());

        OneLineErrorsTest.assertOneLine(run, 2, bad + ":18: rule TYPO_STREAK: entity: unknown entity 'device'");
        assertThat(run.out()).isEmpty();
    }
}
