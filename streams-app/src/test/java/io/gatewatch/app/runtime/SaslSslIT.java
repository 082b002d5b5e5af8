package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.schema.Alert;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Gatewatch against a broker that only speaks SASL_SSL with SCRAM-SHA-512, its CA and
 * certificates made here with the JDK's keytool. Configured only through the documented keys and
 * {@code KAFKA_*} environment variables, the app processes events; with a wrong password {@code run}
 * stops at start-up with one line; no secret reaches any log line or the configuration print.
 */
class SaslSslIT {

    private static final String STORE_PASSWORD = "st0re-pw-4f1c";
    private static final String APP_PASSWORD = "gw-s3cret-pw-9d2e";
    private static final String WRONG_PASSWORD = "wr0ng-pw-77aa";
    @TempDir
    static Path dir;
    private static ChildKafkaBroker broker;
    private static Path truststore;

    @BeforeAll
    static void startBroker() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"), STORE_PASSWORD);
        truststore = pki.truststore();
        broker = ChildKafkaBroker.start(dir.resolve("broker"), "SASL_SSL", Map.of(
                "sasl.enabled.mechanisms", "SCRAM-SHA-512",
                "listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.keystore.location", pki.brokerKeystore().toString(),
                "ssl.keystore.type", "PKCS12",
                "ssl.keystore.password", STORE_PASSWORD,
                "ssl.key.password", STORE_PASSWORD), List.of("gatewatch=" + APP_PASSWORD), client(APP_PASSWORD));
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theAppProcessesEventsOverSaslSslConfiguredByKeysAndEnvironment() throws Exception {
        Path file = dir.resolve("gatewatch.properties");
        Files.writeString(file, "bootstrap.servers=" + broker.bootstrapServers() + "\napplication.id=sasl-it\n"
                + "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n"
                + "ssl.truststore.location=" + truststore + "\nssl.truststore.type=PKCS12\n"
                + "topic.partitions=2\nhttp.port=0\ncommit.interval.ms=200\nstate.dir=" + dir.resolve("state") + "\n");
        // the secrets as an operator passes them: environment variables, not the file
        GatewatchConfig config = ConfigLoader.load(file, Map.of("KAFKA_SASL_JAAS_CONFIG", jaas(APP_PASSWORD),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", STORE_PASSWORD));
        String printed = ConfigPrinter.describe(config);
        assertThat(printed).contains("sasl.jaas.config=********", "ssl.truststore.password=********", "SASL_SSL")
                .doesNotContain(APP_PASSWORD, STORE_PASSWORD);

        ListAppender<ILoggingEvent> logs = captureLogs();
        try {
            TopicProvisioner.ensureTopics(config);
            try (GatewatchApp app = GatewatchApp.start(config, new SimpleMeterRegistry())) {
                assertThat(app.awaitRunning(Duration.ofSeconds(90))).as("streams RUNNING over SASL_SSL").isTrue();
                Instant now = Instant.now().minus(1, ChronoUnit.HOURS);
                List<byte[]> events = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    events.add(TestInput.signIn("s" + i, "tenant-s", i == 7 ? "locked@x.com" : "u" + i + "@x.com",
                            i == 7 ? 50053 : 0, now.plusSeconds(i)));
                }
                TestInput.produce(client(APP_PASSWORD), config.topics().signinEvents().name(), null, events);
                try (TopicReader<String, Alert> alerts = new TopicReader<>(client(APP_PASSWORD),
                        config.topics().alerts().name(), new StringDeserializer(), GatewatchSerdes.ALERT.deserializer())) {
                    List<ConsumerRecord<String, Alert>> raised = alerts.readUntil(read -> !read.isEmpty(),
                            Duration.ofMinutes(2));
                    assertThat(raised).extracting(r -> r.value().entity().value()).containsExactly("locked@x.com");
                }
            }
        } finally {
            release(logs);
        }
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).as("log lines")
                .noneMatch(line -> line.contains(APP_PASSWORD) || line.contains(STORE_PASSWORD));
    }

    @Test
    void aWrongPasswordStopsRunAtStartUpWithOneLineAndNoSecret() throws IOException {
        Path file = dir.resolve("wrong.properties");
        Files.writeString(file, "bootstrap.servers=" + broker.bootstrapServers() + "\napplication.id=sasl-wrong-it\n"
                + "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n"
                + "sasl.jaas.config=" + jaas(WRONG_PASSWORD).replace("\"", "\\\"") + "\n"
                + "ssl.truststore.location=" + truststore + "\nssl.truststore.type=PKCS12\n"
                + "ssl.truststore.password=" + STORE_PASSWORD + "\nstartup.broker-timeout=PT30S\n"
                + "http.port=0\nstate.dir=" + dir.resolve("state-wrong") + "\n");
        ListAppender<ILoggingEvent> logs = captureLogs();
        // as the shipped logback.xml does (the tests' own log configuration does not)
        ConnectionWarningThrottle throttle = new ConnectionWarningThrottle();
        throttle.start();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.addTurboFilter(throttle);
        int exit;
        try {
            exit = new CommandLine(new RunCommand()).execute("--config", file.toString(), "--metrics-port", "0");
        } finally {
            context.getTurboFilterList().remove(throttle);
            release(logs);
        }

        assertThat(exit).isEqualTo(1);
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("refused authentication", "sasl.jaas.config"));
        assertThat(logs.list).as("no stack trace").allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).as("log lines")
                .noneMatch(line -> line.contains(WRONG_PASSWORD) || line.contains(STORE_PASSWORD));
    }

    private static Map<String, Object> client(String password) {
        return Map.of("bootstrap.servers", broker == null ? "unused" : broker.bootstrapServers(),
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", jaas(password),
                "ssl.truststore.location", truststore.toString(), "ssl.truststore.type", "PKCS12",
                "ssl.truststore.password", STORE_PASSWORD);
    }

    private static String jaas(String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"gatewatch\" password=\""
                + password + "\";";
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        return logs;
    }

    private static void release(ListAppender<ILoggingEvent> logs) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }
}
