package io.gatewatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka settings passed through are parsed when the configuration is loaded, as the clients
 * will parse them: a bad one is a line naming the key, where it came from and what Kafka allows,
 * not a stack trace once a client is built; a value whose key may hold a secret is never shown.
 */
class KafkaValuesTest {

    @TempDir
    Path dir;

    @Test
    void aBadKafkaValueNamesItsKeyItsOriginAndWhatIsAllowed() throws IOException {
        Path file = Files.writeString(dir.resolve("gatewatch.properties"), "num.stream.threads=two\n"
                + "producer.linger.ms=soon\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("KAFKA_SECURITY_PROTOCOL", "SSLX")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                                "file " + file + ": num.stream.threads must be a whole number (int), was 'two'",
                                "file " + file + ": producer.linger.ms must be a whole number (long), was 'soon'",
                                "env KAFKA_SECURITY_PROTOCOL: security.protocol: String must be one of (case"
                                        + " insensitive): SASL_SSL, PLAINTEXT, SSL, SASL_PLAINTEXT; was 'SSLX'"));
    }

    @Test
    void aValueWhoseKeyMayHoldASecretIsNeverShown() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("KAFKA_PARTITIONER_IGNORE_KEYS", "s3cret")))
                .hasMessage("env KAFKA_PARTITIONER_IGNORE_KEYS: partitioner.ignore.keys must be true or false,"
                        + " was ********")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void goodValuesPassAndSettingsNoListKnowsAreLeftToKafka() throws IOException {
        GatewatchConfig config = ConfigLoader.load(null, Map.of("KAFKA_NUM_STREAM_THREADS", " 2",
                "KAFKA_SECURITY_PROTOCOL", "sasl_ssl", "KAFKA_SASL_JAAS_CONFIG", "anything;",
                "KAFKA_CONTOSO_INTERCEPTOR_REGION", "eu", "GATEWATCH_MAIN_CONSUMER_MAX_POLL_RECORDS", "200"));

        assertThat(config.kafka()).containsEntry("num.stream.threads", " 2").containsEntry("security.protocol", "sasl_ssl")
                .containsEntry("main.consumer.max.poll.records", "200").containsKey("contoso.interceptor.region");
    }
}
