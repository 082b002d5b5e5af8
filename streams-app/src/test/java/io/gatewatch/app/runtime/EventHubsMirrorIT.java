package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.kafka.EmbeddedKafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Entra's own export path, end to end: a source broker standing in for an Event Hubs namespace
 * (SASL_SSL with PLAIN only, user {@code $ConnectionString}, an Event-Hubs-style connection string
 * as the password) holds Azure Monitor {@code {"records":[...]}} envelopes on the hub Entra writes
 * ({@code insights-logs-signinlogs}); Apache Kafka's MirrorMaker 2 runs the shipped
 * {@code config/mirrormaker/eventhubs-mm2.properties} as it is, its endpoints and secret in the
 * environment, into Gatewatch's own broker. Mid-stream the mirror is killed (SIGKILL, before it
 * flushed its source offsets) and started again: it copies again what it had copied, and Gatewatch
 * classifies every sign-in exactly once, counts each once in its tenant's totals and raises what the
 * planted attacks should.
 */
class EventHubsMirrorIT {

    private static final String HUB = "insights-logs-signinlogs";
    private static final Path SHIPPED_CONFIG = Path.of("..", "config", "mirrormaker", "eventhubs-mm2.properties");
    private static final Duration EVENT_TIME = Duration.ofMinutes(40);
    private static final int RATE = 10;
    private static final String PASSWORD = "st0re-pw-e4b1";
    /** MirrorMaker's logs, kept for a failure's reader (they hold no secret: the connection string is in its environment). */
    private static final Path MIRROR_LOGS = Path.of("target", "eventhubs-mirror-it");

    @Test
    void theMirroredHubIsClassifiedOnceWithItsPlantedAlertsAcrossAMirrorRestart(@TempDir Path dir) throws Exception {
        assertThat(SHIPPED_CONFIG).as("the shipped MirrorMaker configuration").isRegularFile();
        assertThat(Files.readAllLines(SHIPPED_CONFIG)).filteredOn(line -> line.contains("=") && !line.startsWith("#"))
                .extracting(line -> line.substring(0, line.indexOf('=')).strip())
                .as("each key once (a repeated key's last value wins, silently)").doesNotHaveDuplicates();
        TestPki pki = TestPki.create(dir.resolve("pki"), PASSWORD);
        byte[] key = new byte[32];
        new Random(29).nextBytes(key);
        String connectionString = "Endpoint=sb://gatewatch-it.servicebus.windows.net/;SharedAccessKeyName=gatewatch-mirror;"
                + "SharedAccessKey=" + Base64.getEncoder().encodeToString(key) + ";EntityPath=" + HUB;
        Map<String, Object> hubClient = Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"$ConnectionString\" password=\"" + connectionString + "\";",
                "ssl.truststore.location", pki.truststore().toString(), "ssl.truststore.type", "PKCS12",
                "ssl.truststore.password", PASSWORD);

        EntraHubExport input = EntraHubExport.generate(EVENT_TIME, RATE);
        List<MirrorMakerProcess> mirrors = new ArrayList<>();
        try (ChildKafkaBroker namespace = ChildKafkaBroker.start(dir.resolve("eventhubs"), "SASL_SSL", Map.of(
                     "sasl.enabled.mechanisms", "PLAIN",
                     "listener.name.client.plain.sasl.jaas.config",
                     "org.apache.kafka.common.security.plain.PlainLoginModule required user_$ConnectionString=\""
                             + connectionString + "\";",
                     "ssl.keystore.location", pki.brokerKeystore().toString(), "ssl.keystore.type", "PKCS12",
                     "ssl.keystore.password", PASSWORD, "ssl.key.password", PASSWORD),
                     List.of(), withBootstrap(hubClient, null));
             EmbeddedKafkaBroker gatewatchCluster = EmbeddedKafkaBroker.start()) {
            Map<String, Object> hub = withBootstrap(hubClient, namespace.bootstrapServers());
            assertAWrongConnectionStringIsOneLine(namespace.bootstrapServers(), pki, dir);
            try (Admin admin = Admin.create(hub)) {
                admin.createTopics(List.of(new NewTopic(HUB, 4, (short) 1))).all().get(); // Entra's hub, made by Azure
            }
            Map<String, String> environment = Map.of("EVENTHUBS_BOOTSTRAP_SERVERS", namespace.bootstrapServers(),
                    "EVENTHUBS_CONNECTION_STRING", connectionString, "EVENTHUBS_HUB", HUB,
                    "GATEWATCH_BOOTSTRAP_SERVERS", gatewatchCluster.bootstrapServers());
            GatewatchConfig config = ConfigLoader.build(settings(gatewatchCluster.bootstrapServers(), dir, input));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (GatewatchApp app = GatewatchApp.start(config, registry)) {
                assertThat(app.awaitRunning(Duration.ofSeconds(90))).as("streams RUNNING").isTrue();
                int half = input.records().size() / 2;
                TestInput.produce(hub, HUB, null, input.records().subList(0, half));

                MirrorMakerProcess first = MirrorMakerProcess.start(MIRROR_LOGS, "mirror-1", SHIPPED_CONFIG,
                        environment, pki);
                mirrors.add(first);
                TopicCount landed = new TopicCount(gatewatchCluster.bootstrapServers(), "signin-events");
                landed.awaitAtLeast(half, Duration.ofMinutes(6), first);
                first.kill();
                long beforeRestart = landed.now();
                assertThat(beforeRestart).as("mirrored when the mirror was killed: the first half, not the rest")
                        .isGreaterThanOrEqualTo(half).isLessThan(input.records().size());

                // Entra goes on writing while the mirror is down
                TestInput.produce(hub, HUB, null, input.records().subList(half, input.records().size()));
                MirrorMakerProcess second = MirrorMakerProcess.start(MIRROR_LOGS, "mirror-2", SHIPPED_CONFIG,
                        environment, pki);
                mirrors.add(second);
                landed.awaitAtLeast(beforeRestart + input.records().size() - half, Duration.ofMinutes(6), second);
                long copies = landed.now();
                // the killed mirror had not flushed its source offsets: the restart copied records again
                assertThat(copies).as("records on signin-events, the hub held %s", input.records().size())
                        .isGreaterThan(input.records().size());

                MirroredOutputChecks.assertClassifiedOnce(config, input.signInIds(), registry);
                assertTheListedTopicsAreTheOnesMade(config);
                MirroredOutputChecks.assertPlantedAlertsRaised(config, input);
                MirroredOutputChecks.assertTotalsExact(config, input, registry);
            }
        } finally {
            for (MirrorMakerProcess mirror : mirrors) {
                mirror.close();
            }
        }
    }

    /** What {@code run --list-topics} prints is what the running instance made: names, partitions, cleanup policy. */
    private static void assertTheListedTopicsAreTheOnesMade(GatewatchConfig config) throws Exception {
        List<TopicList.Needed> listed = TopicList.of(config);
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", config.bootstrapServers()))) {
            Set<String> made = new HashSet<>(admin.listTopics().names().get());
            made.removeIf(name -> !name.startsWith(config.applicationId() + "-")
                    && !config.topics().used(config.alertFormat()).contains(name));
            assertThat(listed).extracting(TopicList.Needed::name).containsExactlyInAnyOrderElementsOf(made);
            Map<String, TopicDescription> described = admin.describeTopics(made)
                    .allTopicNames().get();
            List<ConfigResource> resources = made.stream().map(name ->
                    new ConfigResource(ConfigResource.Type.TOPIC,
                            name)).toList();
            var configs = admin.describeConfigs(resources).all().get();
            for (TopicList.Needed topic : listed) {
                assertThat(described.get(topic.name()).partitions()).as(topic.name()).hasSize(topic.partitions());
                String policy = configs.get(new ConfigResource(
                        ConfigResource.Type.TOPIC, topic.name())).get("cleanup.policy").value();
                assertThat(policy).as(topic.name()).isEqualTo(topic.cleanupPolicy());
            }
        }
    }

    /** {@code run} with a connection string the namespace does not know: one line naming the check, no secret. */
    private static void assertAWrongConnectionStringIsOneLine(String bootstrap, TestPki pki, Path dir) throws Exception {
        String wrong = "Endpoint=sb://gatewatch-it.servicebus.windows.net/;SharedAccessKeyName=gatewatch-mirror;"
                + "SharedAccessKey=d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXk=";
        Path file = dir.resolve("wrong.properties");
        Files.writeString(file, "bootstrap.servers=" + bootstrap + "\napplication.id=eventhubs-wrong\n"
                + "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nssl.truststore.location=" + pki.truststore()
                + "\nssl.truststore.type=PKCS12\nssl.truststore.password=" + PASSWORD + "\nstartup.broker-timeout=PT30S\n"
                + "http.port=0\nstate.dir=" + dir.resolve("state-wrong") + "\n");
        ListAppender<ILoggingEvent> logs =
                new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        // as the shipped logback.xml does: the clients' own connection lines are throttled
        ConnectionWarningThrottle throttle = new ConnectionWarningThrottle();
        throttle.start();
        ch.qos.logback.classic.LoggerContext context = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
        context.addTurboFilter(throttle);
        CommandRun run;
        try {
            run = CommandRun.run(Map.of("KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule "
                    + "required username=\"$ConnectionString\" password=\"" + wrong + "\";"),
                    "--config", file.toString(), "--metrics-port", "0");
        } finally {
            context.getTurboFilterList().remove(throttle);
            root.detachAppender(logs);
        }
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("refused authentication", "$ConnectionString",
                        "SASL_SSL", "9093"));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).as("log lines")
                .noneMatch(line -> line.contains("d3Jvbmcta2V5") || line.contains(PASSWORD));
    }

    private static Map<String, String> settings(String bootstrap, Path dir, EntraHubExport input) {
        Map<String, String> values = new HashMap<>(BenignTraffic.knownClientExceptions(input.traffic().directory()));
        values.put("bootstrap.servers", bootstrap);
        values.put("application.id", "eventhubs-it");
        // MirrorMaker keeps each record's partition: signin-events needs at least the hub's four
        values.put("topic.partitions", "4");
        // the hub's backlog arrives at once over four partitions: a grace beyond its span makes nothing late
        values.put("window.grace", "PT1H");
        values.put("commit.interval.ms", "200");
        values.put("emit.classified", "true");
        values.put("http.port", "0");
        values.put("state.dir", dir.resolve("state").toString());
        return values;
    }

    private static Map<String, Object> withBootstrap(Map<String, Object> client, String bootstrap) {
        Map<String, Object> props = new HashMap<>(client);
        if (bootstrap != null) {
            props.put("bootstrap.servers", bootstrap);
        }
        return props;
    }
}
