package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.rules.RuleKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatewatch config}: every key with its value and origin, secrets masked, the key each
 * variable became, and one stderr line per bad value or unknown key with exit 2 — no broker.
 */
class ConfigCommandTest {

    @TempDir
    Path dir;

    @Test
    void everyKeyWithItsOriginAndEveryRuleSettingSecretsMasked() throws IOException {
        Path file = Files.writeString(dir.resolve("gatewatch.properties"), """
                bootstrap.servers=broker:9093
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required password="s3cret-jaas";
                ssl.key.password=s3cret-key
                api.tokens.file=/etc/gatewatch/tokens
                rule.PASSWORD_SPRAY.threshold=7
                """);

        CommandRun run = CommandRun.config(Map.of("GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD", "15",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "s3cret-trust", "HOME", "/root"), "--config", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).contains(
                "bootstrap.servers = broker:9093  (file " + file + ")",
                "window.grace = PT2M  (default)",
                "rule.BRUTE_FORCE.threshold = 15  (env GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD)",
                "rule.PASSWORD_SPRAY.threshold = 7  (file " + file + ")",
                "rule.IMPOSSIBLE_TRAVEL.min-km = 500  (default)",
                "sasl.jaas.config = ********  (file " + file + ")",
                "ssl.key.password = ********  (file " + file + ")",
                "ssl.truststore.password = ********  (env KAFKA_SSL_TRUSTSTORE_PASSWORD)",
                "api.tokens.file = /etc/gatewatch/tokens  (file " + file + ")",
                "default.tenant = (none)  (default)",
                "# env GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD -> rule.BRUTE_FORCE.threshold",
                "# env KAFKA_SSL_TRUSTSTORE_PASSWORD -> ssl.truststore.password");
        assertThat(run.out()).doesNotContain("s3cret").doesNotContain("HOME");
        RuleKeys.defaults().keySet().forEach(key ->
                assertThat(run.outLines()).as(key).anySatisfy(line -> assertThat(line).startsWith(key + " = ")));
        assertThat(run.outLines()).as("one line per key").doesNotHaveDuplicates()
                .anySatisfy(line -> assertThat(line).startsWith("state.dir = "));
    }

    @Test
    void anUnknownKeyIsOneLineWithTheNearestKnownKey() throws IOException {
        Path file = Files.writeString(dir.resolve("gatewatch.properties"), "window.gace=PT1M\n");

        CommandRun run = CommandRun.config(Map.of(), "--config", file.toString());

        RunStartupErrorsTest.assertOneLine(run, "file " + file, "unknown key window.gace", "nearest known key is window.grace");
        assertThat(run.outLines()).contains("window.gace = PT1M  (file " + file + ")");
    }

    @Test
    void aVariableSetsAKeyWithADashAndShowsWhichKeyItSets() {
        CommandRun run = CommandRun.config(Map.of("GATEWATCH_RULE_BRUTE_FORCE_SUCCESS_WINDOW", "PT30M",
                "GATEWATCH_STARTUP_BROKER_TIMEOUT", "PT5S"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).contains(
                "rule.BRUTE_FORCE.success-window = PT30M  (env GATEWATCH_RULE_BRUTE_FORCE_SUCCESS_WINDOW)",
                "startup.broker-timeout = PT5S  (env GATEWATCH_STARTUP_BROKER_TIMEOUT)",
                "# env GATEWATCH_RULE_BRUTE_FORCE_SUCCESS_WINDOW -> rule.BRUTE_FORCE.success-window",
                "# env GATEWATCH_STARTUP_BROKER_TIMEOUT -> startup.broker-timeout");
    }

    @Test
    void aGatewatchVariableThatNamesNoKeyIsOneLineWithTheNearestKeyAndItsVariable() {
        CommandRun run = CommandRun.config(Map.of("GATEWATCH_STATE_DECODED_MEMORY_BYTE", "1048576",
                "GATEWATCH_PORT", "tcp://10.0.0.7:8080"));

        RunStartupErrorsTest.assertOneLine(run, "env GATEWATCH_STATE_DECODED_MEMORY_BYTE:",
                "nearest known key is state.decoded-memory.bytes (GATEWATCH_STATE_DECODED_MEMORY_BYTES)");
        assertThat(run.outLines()).contains("# env GATEWATCH_STATE_DECODED_MEMORY_BYTE -> no key",
                "# env GATEWATCH_PORT -> none: a Kubernetes service link");
    }

    @Test
    void eachProblemIsALineOfItsOwn() {
        CommandRun run = CommandRun.config(Map.of("GATEWATCH_RULE_MFA_FATIGUE_THRESHOLD", "ten",
                "GATEWATCH_WINDOW_SIZE", "1m", "KAFKA_LINGER_MSS", "5"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(3)
                .anySatisfy(l -> assertThat(l).contains("env GATEWATCH_RULE_MFA_FATIGUE_THRESHOLD", "whole number"))
                .anySatisfy(l -> assertThat(l).contains("env GATEWATCH_WINDOW_SIZE", "window.size", "ISO-8601"))
                .anySatisfy(l -> assertThat(l).contains("env KAFKA_LINGER_MSS", "linger.ms"));
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void theLaunchersOwnVariablesAreNoKeys() {
        CommandRun run = CommandRun.config(Map.of("GATEWATCH_JAVA_OPTS", "-Xmx2g", "GATEWATCH_LOG_LEVEL", "DEBUG"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("java.opts").doesNotContain("GATEWATCH_JAVA_OPTS");
    }

    @Test
    void theInternalSecretFromTheEnvironmentIsShownMasked() {
        String secret = "s3cret-shared-between-instances-0123456789";
        CommandRun run = CommandRun.config(Map.of("GATEWATCH_API_INTERNAL_SECRET", secret));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("api.internal.secret = ********  (env GATEWATCH_API_INTERNAL_SECRET)")
                .contains("# env GATEWATCH_API_INTERNAL_SECRET -> api.internal.secret")
                .contains("http.tls.keystore.path = (none)").contains("http.tls.keystore.type = PKCS12")
                .doesNotContain(secret);
    }

    @Test
    void secretsAreKnownByTheirKeyNotByTheirPlace() {
        assertThat(ConfigPrinter.isSecret("sasl.jaas.config")).isTrue();
        assertThat(ConfigPrinter.isSecret("producer.ssl.keystore.password")).isTrue();
        assertThat(ConfigPrinter.isSecret("sasl.oauthbearer.client.credentials.client.secret")).isTrue();
        assertThat(ConfigPrinter.isSecret("api.tokens.file")).as("a path, not a token").isFalse();
        assertThat(ConfigPrinter.isSecret("rule.PASSWORD_SPRAY.threshold")).as("a rule's name").isFalse();
        assertThat(ConfigPrinter.isSecret("default.key.serde")).isFalse();
    }
}
