package io.gatewatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every key can be set from the environment: a GATEWATCH_ variable is the key upper-cased with
 * '.' and '-' as '_', looked up among the keys there are; one that names no key is refused.
 */
class EnvironmentVariablesTest {

    @Test
    void aVariableReachesAKeyWithADash() throws IOException {
        GatewatchConfig config = ConfigLoader.load(null, Map.of("GATEWATCH_STARTUP_BROKER_TIMEOUT", "PT5S",
                "GATEWATCH_STATE_DECODED_MEMORY_BYTES", String.valueOf(64L << 20),
                "GATEWATCH_EVENT_MAX_FUTURE", "PT5M",
                "GATEWATCH_AGGREGATE_DAY_RETENTION", "P30D",
                "GATEWATCH_TOPIC_SIGNIN_EVENTS", "entra-signins"));

        assertThat(config.brokerTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.decodedMemoryBytes()).isEqualTo(64L << 20);
        assertThat(config.maxFuture()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.api().dayRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.topics().signinEvents().name()).isEqualTo("entra-signins");
        assertThat(config.kafka()).as("nothing left over for Kafka")
                .doesNotContainKeys("startup.broker.timeout", "state.decoded.memory.bytes", "event.max.future");
    }

    @Test
    void eachVariableIsShownWithTheKeyItSets() throws IOException {
        ConfigLayers layers = ConfigLayers.read(null, Map.of("GATEWATCH_STARTUP_BROKER_TIMEOUT", "PT5S",
                "GATEWATCH_RULE_BRUTE_FORCE_SUCCESS_WINDOW", "PT30M", "GATEWATCH_RULE_IMPOSSIBLE_TRAVEL_MIN_KM", "800",
                "GATEWATCH_MAIN_CONSUMER_MAX_POLL_RECORDS", "200",
                "KAFKA_RACK_AWARE_ASSIGNMENT_NON_OVERLAP_COST", "5"));

        assertThat(layers.environmentKeys()).containsExactly(
                Map.entry("GATEWATCH_MAIN_CONSUMER_MAX_POLL_RECORDS", "main.consumer.max.poll.records"),
                Map.entry("GATEWATCH_RULE_BRUTE_FORCE_SUCCESS_WINDOW", "rule.BRUTE_FORCE.success-window"),
                Map.entry("GATEWATCH_RULE_IMPOSSIBLE_TRAVEL_MIN_KM", "rule.IMPOSSIBLE_TRAVEL.min-km"),
                Map.entry("GATEWATCH_STARTUP_BROKER_TIMEOUT", "startup.broker-timeout"),
                Map.entry("KAFKA_RACK_AWARE_ASSIGNMENT_NON_OVERLAP_COST", "rack.aware.assignment.non_overlap_cost"));
        assertThat(layers.origin("startup.broker-timeout")).hasToString("env GATEWATCH_STARTUP_BROKER_TIMEOUT");
    }

    @Test
    void ruleVariablesKeepWorkingTheRuleFilesOnesToo() throws IOException {
        GatewatchConfig config = ConfigLoader.load(null, Map.of("GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD", "15",
                "GATEWATCH_SUPPRESS_ACCOUNT_LOCKOUT", "PT2H", "GATEWATCH_RULE_ACCOUNT_LOCKOUT_EXCEPT_ASNS", "8075",
                "GATEWATCH_EXCEPTIONS_APPS", "Contoso Scanner", "GATEWATCH_RULE_BRUTE_FORCE_SUCCESS_WINDOW", "PT30M"));

        assertThat(config.rules().number("BRUTE_FORCE", "threshold")).isEqualTo(15);
        assertThat(config.rules().period("BRUTE_FORCE", "success-window")).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.rules().suppression("ACCOUNT_LOCKOUT")).isEqualTo(Duration.ofHours(2));
        assertThat(config.rules().exceptions().forRule("ACCOUNT_LOCKOUT").asns()).containsExactly(8075);
        assertThat(config.rules().exceptions().global().apps()).containsExactly("Contoso Scanner");
        assertThat(ConfigLayers.read(null, Map.of("GATEWATCH_RULE_PORTAL_CA_BLOCK_ENABLED", "false")).values())
                .as("a rule file's rule, unknown until the files are read: the rules' own spelling")
                .containsEntry("rule.PORTAL_CA_BLOCK.enabled", "false");
    }

    @Test
    void aGatewatchVariableThatNamesNoKeyIsRefusedWithTheNearestKey() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GATEWATCH_STARTUP_BROKER_TIMOUT", "PT5S")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .singleElement().extracting(ConfigProblem::message).asString()
                        .startsWith("env GATEWATCH_STARTUP_BROKER_TIMOUT: ")
                        .contains("the nearest known key is startup.broker-timeout (GATEWATCH_STARTUP_BROKER_TIMEOUT)")
                        .doesNotContain("PT5S"));
    }

    @Test
    void aKafkaVariableForASettingNoListKnowsIsStillPassedThrough() throws IOException {
        GatewatchConfig config = ConfigLoader.load(null, Map.of("KAFKA_SASL_MECHANISM", "PLAIN",
                "KAFKA_CONTOSO_INTERCEPTOR_REGION", "eu"));

        assertThat(config.kafka()).containsEntry("sasl.mechanism", "PLAIN").containsEntry("contoso.interceptor.region", "eu");
    }

    @Test
    void kubernetesServiceLinksAreNoKeys() throws IOException {
        ConfigLayers layers = ConfigLayers.read(null, Map.of("GATEWATCH_PORT", "tcp://10.0.0.7:8080",
                "GATEWATCH_SERVICE_HOST", "10.0.0.7", "GATEWATCH_PORT_8080_TCP_ADDR", "10.0.0.7",
                "KAFKA_PORT", "tcp://10.0.0.9:9092", "KAFKA_SERVICE_PORT", "9092", "GATEWATCH_HTTP_PORT", "8081"));

        assertThat(layers.environmentKeys()).containsExactly(Map.entry("GATEWATCH_HTTP_PORT", "http.port"));
        assertThat(ConfigCheck.problems(layers)).isEmpty();
    }

    @Test
    void noTwoKnownKeysShareAVariable() {
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(KnownKeys.gatewatch());
        keys.addAll(KnownKeys.kafka());
        keys.forEach(key -> assertThat(seen.put(VariableKeys.spelling(key), key)).as(key).isNull());
        keys.forEach(key -> assertThat(VariableKeys.keyOf(VariableKeys.spelling(key))).isEqualTo(key));
    }
}
