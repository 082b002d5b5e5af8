package io.gatewatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each value came from, and which key each variable became. */
class ConfigLayersTest {

    @TempDir
    Path dir;

    @Test
    void eachValueKnowsItsLayer() throws IOException {
        Path file = Files.writeString(dir.resolve("gatewatch.properties"), "window.size=PT5M\nwindow.grace=PT1M\n");

        ConfigLayers layers = ConfigLayers.read(file, Map.of("GATEWATCH_WINDOW_GRACE", "PT3M", "PATH", "/bin"));

        assertThat(layers.values()).containsEntry("window.size", "PT5M").containsEntry("window.grace", "PT3M")
                .containsEntry("dedup.horizon", "PT24H").doesNotContainKey("path");
        assertThat(layers.origin("window.size")).hasToString("file " + file);
        assertThat(layers.origin("window.grace")).hasToString("env GATEWATCH_WINDOW_GRACE");
        assertThat(layers.origin("dedup.horizon")).hasToString("default");
        assertThat(layers.environmentKeys()).containsExactly(Map.entry("GATEWATCH_WINDOW_GRACE", "window.grace"));
    }

    @Test
    void aRuleKeyIsOneKeyHoweverSpeltAndTheEnvironmentWins() throws IOException {
        Path file = Files.writeString(dir.resolve("gatewatch.properties"), "rule.BRUTE_FORCE.threshold=12\n");

        ConfigLayers layers = ConfigLayers.read(file, Map.of("GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD", "15"));

        assertThat(layers.values()).containsEntry("rule.BRUTE_FORCE.threshold", "15")
                .doesNotContainKey("rule.brute.force.threshold");
        assertThat(layers.origin("rule.BRUTE_FORCE.threshold")).hasToString("env GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD");
    }

    @Test
    void gatewatchsPrefixWinsOverKafkasWhateverTheEnvironmentsOrder() throws IOException {
        ConfigLayers layers = ConfigLayers.read(null, Map.of("KAFKA_SASL_MECHANISM", "PLAIN",
                "GATEWATCH_SASL_MECHANISM", "SCRAM-SHA-512", "GATEWATCH_JAVA_OPTS", "-Xmx2g"));

        assertThat(layers.values()).containsEntry("sasl.mechanism", "SCRAM-SHA-512").doesNotContainKey("java.opts");
        assertThat(layers.environmentKeys()).containsOnlyKeys("KAFKA_SASL_MECHANISM", "GATEWATCH_SASL_MECHANISM");
    }
}
