package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules --json} names each rule's state key, so a rule author can see whether an edit keeps
 * the rule's windows: Gatewatch's own rules are keyed by id, a rule file's by id and fingerprint.
 */
class RulesStateKeyTest {

    @TempDir
    Path dir;

    @Test
    void rulesJsonListsEachRulesStateKey() throws IOException {
        Path file = dir.resolve("rules.yaml");
        try (InputStream in = getClass().getResourceAsStream("/rules/one-of-each-shape.yaml")) {
            Files.write(file, in.readAllBytes());
        }
        Map<String, String> before = stateKeys(file);
        Files.writeString(file, Files.readString(file).replace("threshold: 2, window: PT10M", "threshold: 5, window: PT30M"));
        Map<String, String> retuned = stateKeys(file);
        Files.writeString(file, Files.readString(file).replace("where: {errorCode: 50126}", "where: {errorCode: 50053}"));

        assertThat(before).containsEntry("BRUTE_FORCE", "BRUTE_FORCE").containsEntry("PASSWORD_SPRAY", "PASSWORD_SPRAY");
        assertThat(before.get("TYPO_STREAK")).matches("TYPO_STREAK#[0-9a-f]{8}");
        assertThat(retuned).as("re-tuned: same keys").isEqualTo(before);
        assertThat(stateKeys(file).get("TYPO_STREAK")).as("redefined: another key").isNotEqualTo(before.get("TYPO_STREAK"));
    }

    private static Map<String, String> stateKeys(Path file) throws IOException {
        CliRun run = CliRun.run("rules", "--json", "--rules", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, String> keys = new HashMap<>();
        for (JsonNode rule : JsonMappers.internal().readTree(run.out())) {
            keys.put(rule.get("id").asText(), rule.get("stateKey").asText());
        }
        return keys;
    }
}
