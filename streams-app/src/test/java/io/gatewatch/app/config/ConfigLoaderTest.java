package io.gatewatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.app.runtime.ConfigPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsThenFileThenEnvironment() throws IOException {
        Path file = dir.resolve("gatewatch.properties");
        Files.writeString(file, """
                bootstrap.servers=file-broker:9092
                window.size=PT5M
                window.grace=PT1M
                topic.alerts=soc-alerts
                suppress.ACCOUNT_LOCKOUT=PT2H
                sasl.mechanism=PLAIN
                """);
        GatewatchConfig config = ConfigLoader.load(file, Map.of(
                "GATEWATCH_WINDOW_GRACE", "PT3M",
                "KAFKA_BOOTSTRAP_SERVERS", "env-broker:9093",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"s3cret\";",
                "HOME", "/root"));

        assertThat(config.windowSize()).as("from the file").isEqualTo(Duration.ofMinutes(5));
        assertThat(config.grace()).as("environment beats file").isEqualTo(Duration.ofMinutes(3));
        assertThat(config.dedupHorizon()).as("default").isEqualTo(Duration.ofHours(24));
        assertThat(config.bootstrapServers()).isEqualTo("env-broker:9093");
        assertThat(config.topics().alerts().name()).isEqualTo("soc-alerts");
        assertThat(config.topics().signinEvents().name()).isEqualTo("signin-events");
        assertThat(config.rules().suppression("ACCOUNT_LOCKOUT")).isEqualTo(Duration.ofHours(2));
        assertThat(config.kafka()).containsEntry("sasl.mechanism", "PLAIN").containsKey("sasl.jaas.config")
                .doesNotContainKey("home");
        assertThat(config.exactlyOnce()).isTrue();
        assertThat(ConfigPrinter.describe(config)).contains("sasl.jaas.config=********").doesNotContain("s3cret");
    }

    @Test
    void invalidValuesAreRejectedWithTheKeyNamed() {
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("window.size", "1 minute")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window.size");
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("processing.guarantee", "exactly_once")))
                .hasMessageContaining("processing.guarantee");
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("aggregate.retention", "PT1M")))
                .hasMessageContaining("aggregate.retention");
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("topic.partitions", "zero")))
                .hasMessageContaining("topic.partitions");
    }

    @Test
    void ruleSettingsFromTheEnvironmentOverrideTheShippedRulesFile() throws IOException {
        GatewatchConfig config = ConfigLoader.load(null, Map.of(
                "GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD", "15",
                "GATEWATCH_SUPPRESS_ACCOUNT_LOCKOUT", "PT2H"));

        assertThat(config.rules().number("BRUTE_FORCE", "threshold")).isEqualTo(15);
        assertThat(config.rules().suppression("ACCOUNT_LOCKOUT")).isEqualTo(Duration.ofHours(2));
        assertThat(config.rules().number("PASSWORD_SPRAY", "threshold")).as("shipped default").isEqualTo(5);
        assertThat(config.rules().suppression("IMPOSSIBLE_TRAVEL")).as("shipped default").isEqualTo(Duration.ofHours(6));
        assertThatThrownBy(() -> config.rules().number("NO_SUCH_RULE", "threshold"))
                .hasMessageContaining("rule.NO_SUCH_RULE.threshold");
    }

    @Test
    void ruleValuesAreCheckedWhenLoadedNamingTheKeyAndTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD", "abc")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("env GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD: rule.BRUTE_FORCE.threshold must be a whole number,"
                        + " was 'abc'");
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("rule.CROSS_TENANT_SPRAY.enabled", "yes")))
                .hasMessageContaining("rule.CROSS_TENANT_SPRAY.enabled must be true or false");
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("suppress.MFA_DENIED", "1h")))
                .hasMessageContaining("suppress.MFA_DENIED must be an ISO-8601 duration");
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("rule.BRUTE_FORCE.treshold", "5")))
                .hasMessageContaining("rule.BRUTE_FORCE.treshold is not a rule setting")
                .hasMessageContaining("rule.BRUTE_FORCE.threshold");
    }

    @Test
    void everyBadValueIsReportedAtOnceWithItsFile() throws IOException {
        Path file = dir.resolve("gatewatch.properties");
        Files.writeString(file, "window.size=1m\nemit.classified=yes\nrocksdb.memory.bytes=lots\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOfSatisfying(InvalidConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                        "file " + file + ": window.size must be an ISO-8601 duration such as PT1M, was '1m'",
                        "file " + file + ": emit.classified must be true or false, was 'yes'",
                        "file " + file + ": rocksdb.memory.bytes must be a whole number of bytes without a unit, at least"
                                + " 16777216 (16 MiB), was 'lots'"));
    }

    @Test
    void eachByteSizeWithABadValueNamesItsKeyItsVariableAndWhatIsAllowed() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GATEWATCH_ROCKSDB_MEMORY_BYTES", "256MB",
                "GATEWATCH_STATE_DECODED_MEMORY_BYTES", "128MB")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                                "env GATEWATCH_ROCKSDB_MEMORY_BYTES: rocksdb.memory.bytes must be a whole number of bytes"
                                        + " without a unit, at least 16777216 (16 MiB), was '256MB'",
                                "env GATEWATCH_STATE_DECODED_MEMORY_BYTES: state.decoded-memory.bytes must be a whole"
                                        + " number of bytes without a unit, at least 1048576 (1 MiB), was '128MB'"))
                .hasMessageNotContaining("For input string");
    }

    @Test
    void aNumberOutOfItsRangeIsRefusedNotWrapped() {
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("topic.replication.factor", "70000", "http.port", "-1",
                "topic.partitions", "0")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                                "topic.replication.factor must be a whole number from 1 to 32767, was '70000'",
                                "http.port must be a whole number from 0 to 65535 (0 turns the API off), was '-1'",
                                "topic.partitions must be a whole number of at least 1, was '0'"));
    }

    @Test
    void aRangeProblemNamesItsSourceToo() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GATEWATCH_HTTP_PORT", "70000")))
                .hasMessageStartingWith("env GATEWATCH_HTTP_PORT: http.port");
    }

    @Test
    void exceptionListsAreGatewatchsOwnFromTheFileAndTheEnvironment() throws IOException {
        Path file = dir.resolve("gatewatch.properties");
        Files.writeString(file, """
                exceptions.addresses=10.0.0.0/8, 2001:db8::/32
                rule.PASSWORD_SPRAY.except-users=svc-scanner@contoso.com
                """);
        GatewatchConfig config = ConfigLoader.load(file, Map.of(
                "GATEWATCH_EXCEPTIONS_APPS", "Contoso Scanner",
                "GATEWATCH_RULE_ACCOUNT_LOCKOUT_EXCEPT_ASNS", "8075"));

        var exceptions = config.rules().exceptions();
        assertThat(exceptions.global().addresses()).hasSize(2);
        assertThat(exceptions.global().apps()).containsExactly("Contoso Scanner");
        assertThat(exceptions.forRule("PASSWORD_SPRAY").users()).containsExactly("svc-scanner@contoso.com");
        assertThat(exceptions.forRule("ACCOUNT_LOCKOUT").asns()).as("the environment replaced the shipped list")
                .containsExactly(8075);
        assertThat(exceptions.forRule("LOCKOUT_STORM").asns()).as("shipped").contains(8075, 12076);
        assertThat(config.kafka()).as("never passed to Kafka").noneSatisfy((key, value) ->
                assertThat(key).containsAnyOf("exception", "except"));
    }

    @Test
    void aBadExceptionIsOneLineNamingTheKeyAndWhereItCameFrom() throws IOException {
        Path file = dir.resolve("gatewatch.properties");
        Files.writeString(file, "exceptions.addresses=10.0.0.0/8,office.contoso.com\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("GATEWATCH_RULE_LOCKOUT_STORM_EXCEPT_ASNS", "8075,msft")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                                "file " + file + ": exceptions.addresses entry 'office.contoso.com' is not an IPv4 or IPv6"
                                        + " address or CIDR range (allowed: 10.0.0.0/8, 2001:db8::/32, or a bare address"
                                        + " (= /32, /128); no host names)",
                                "env GATEWATCH_RULE_LOCKOUT_STORM_EXCEPT_ASNS: rule.LOCKOUT_STORM.except-asns entry 'msft'"
                                        + " is not an autonomous system number (a whole number such as 8075)"));
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("rule.BRUTE_FORCE.except-ips", "10.0.0.0/8")))
                .hasMessageContaining("rule.BRUTE_FORCE.except-ips is not a rule setting");
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("rule.NO_SUCH_RULE.except-users", "a@contoso.com")))
                .hasMessageContaining("rule.NO_SUCH_RULE.except-users is not a rule setting");
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("exceptions.adresses", "10.0.0.0/8")))
                .hasMessageContaining("exceptions.adresses is not a rule setting")
                .hasMessageContaining("nearest known key is exceptions.addresses");
    }

    @Test
    void atLeastOnceForEventHubs() {
        assertThat(ConfigLoader.build(Map.of("processing.guarantee", "at_least_once")).exactlyOnce()).isFalse();
    }

    @Test
    void aRuleFileAddsRulesAndABadOneStopsTheLoadNamingFileLineRuleAndField() throws IOException {
        String rule = """
                rules:
                  - id: PORTAL_CA_BLOCK
                    title: Azure Portal blocked by Conditional Access
                    severity: LOW
                    attack: {tactics: [TA0001], techniques: [T1078.004]}
                    shape: match
                    entity: user
                    where: {category: CONDITIONAL_ACCESS_BLOCKED, app: Azure Portal}
                    summary: "{user} was blocked from the Azure Portal."
                    params: {suppress: PT1H}
                """;
        Path good = Files.writeString(dir.resolve("good.yaml"), rule);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), rule.replace("shape: match", "shape: sequence"));

        GatewatchConfig config = ConfigLoader.load(null, Map.of("GATEWATCH_RULES_FILES", good.toString(),
                "GATEWATCH_RULE_PORTAL_CA_BLOCK_ENABLED", "true"));

        assertThat(config.rules().catalogue().get("PORTAL_CA_BLOCK")).isPresent();
        assertThat(config.rules().enabled("PORTAL_CA_BLOCK")).isTrue();
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GATEWATCH_RULES_FILES", bad.toString())))
                .hasMessageContaining("env GATEWATCH_RULES_FILES")
                .hasMessageContaining(bad + ":6: rule PORTAL_CA_BLOCK: shape: allowed: match, count");
    }
}
