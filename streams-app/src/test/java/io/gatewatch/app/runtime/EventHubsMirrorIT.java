package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.GeneratedRecord;
import io.gatewatch.generator.demo.DemoTraffic;
import io.gatewatch.generator.demo.PlantedScenario;
import io.gatewatch.kafka.EmbeddedKafkaBroker;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.TenantAggregate;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
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

        Generated input = generate();
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

                assertClassifiedOnce(config, input.signInIds(), registry);
                assertTheListedTopicsAreTheOnesMade(config);
                assertPlantedAlertsRaised(config, input);
                assertTotalsExact(config, input, registry);
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

    private static void assertClassifiedOnce(GatewatchConfig config, Set<String> ids, SimpleMeterRegistry registry) {
        try (TopicReader<String, ClassifiedEvent> classified = new TopicReader<>(config.bootstrapServers(),
                config.topics().classified().name(), new StringDeserializer(), GatewatchSerdes.CLASSIFIED.deserializer())) {
            classified.readUntil(read -> read.size() >= ids.size(), Duration.ofMinutes(4));
            List<ConsumerRecord<String, ClassifiedEvent>> all = classified.readMore(Duration.ofSeconds(3));
            List<String> classifiedIds = all.stream().map(r -> r.value().event().id()).toList();
            assertThat(classifiedIds).as("every sign-in classified exactly once; %s", AggregateTotals.dropped(registry))
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    /**
     * {@code signin-aggregates} read as the upsert it is: per tenant, the windows' totals add up to the
     * distinct sign-ins Entra wrote, though the restarted mirror delivered some twice. The windows close
     * when stream time passes their end and the grace: a later sign-in per tenant (written to
     * {@code signin-events} directly, after the other checks) moves every tenant's task past them.
     */
    private static void assertTotalsExact(GatewatchConfig config, Generated input, SimpleMeterRegistry registry) {
        Instant closing = input.start().plus(EVENT_TIME).plus(config.grace()).plus(Duration.ofMinutes(5));
        List<byte[]> ticks = input.signInsPerTenant().keySet().stream()
                .map(tenant -> TestInput.signIn("tick-" + tenant, tenant, "tick@example.com", 0, closing)).toList();
        TestInput.produce(config.bootstrapServers(), config.topics().signinEvents().name(), ticks);
        try (TopicReader<String, TenantAggregate> aggregates = new TopicReader<>(config.bootstrapServers(),
                config.topics().aggregates().name(), new StringDeserializer(), GatewatchSerdes.AGGREGATE.deserializer())) {
            List<ConsumerRecord<String, TenantAggregate>> windows = aggregates.readUntil(
                    read -> AggregateTotals.perTenant(read).equals(input.signInsPerTenant()), Duration.ofMinutes(2));
            windows = aggregates.readMore(Duration.ofSeconds(3));
            assertThat(AggregateTotals.perTenant(windows)).as("per-tenant totals across the mirror's restart; %s",
                    AggregateTotals.dropped(registry)).isEqualTo(input.signInsPerTenant());
        }
    }

    private static void assertPlantedAlertsRaised(GatewatchConfig config, Generated input) {
        // the attacks on sign-ins alone (Dynamics requests are another input, not in Entra's export),
        // planted early enough to have run their course within the event time
        Instant settled = input.start().plus(EVENT_TIME).minus(Duration.ofMinutes(16));
        List<PlantedScenario> expected = input.planted().stream().filter(p -> p.at().isBefore(settled))
                .filter(p -> p.expectedRules().stream().noneMatch(rule -> rule.startsWith("DYNAMICS"))).toList();
        assertThat(expected).as("planted attacks to check").hasSizeGreaterThan(20);
        try (TopicReader<String, Alert> alerts = new TopicReader<>(config.bootstrapServers(),
                config.topics().alerts().name(), new StringDeserializer(), GatewatchSerdes.ALERT.deserializer())) {
            List<ConsumerRecord<String, Alert>> raised = alerts.readUntil(read -> silent(expected, read).isEmpty(),
                    Duration.ofMinutes(2));
            assertThat(silent(expected, raised)).as("planted attacks that raised less than they should").isEmpty();
        }
    }

    private static List<String> silent(List<PlantedScenario> planted, List<ConsumerRecord<String, Alert>> raised) {
        return planted.stream().filter(p -> p.expectedRules().stream().anyMatch(rule -> raised.stream()
                        .map(ConsumerRecord::value).noneMatch(a -> a.rule().equals(rule)
                                && p.explains(a.rule(), a.tenantId(), a.entity(), a.lastSeen()))))
                .map(p -> p.scenario() + " at " + p.at()).toList();
    }

    /** What Entra wrote to the hub: the demo's traffic and attacks as Azure Monitor envelopes, sign-ins only. */
    private record Generated(Instant start, List<byte[]> records, Set<String> signInIds,
                             Map<String, Long> signInsPerTenant, List<PlantedScenario> planted, DemoTraffic traffic) {
    }

    private static Generated generate() {
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        DemoTraffic traffic = new DemoTraffic(DemoTraffic.DEFAULT_TENANTS, 29, RATE, DemoTraffic.ATTACK_EVERY_SECONDS);
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        List<byte[]> records = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Long> perTenant = new HashMap<>();
        List<PlantedScenario> planted = new ArrayList<>();
        for (long s = 0; s < EVENT_TIME.toSeconds(); s++) {
            DemoTraffic.Second second = traffic.nextSecond(start.plusSeconds(s));
            planted.addAll(second.planted());
            for (GeneratedRecord record : second.records()) {
                if (record.kind() != GeneratedRecord.Kind.SIGN_IN) {
                    continue;
                }
                byte[] envelope = record.json().getBytes(StandardCharsets.UTF_8);
                records.add(envelope);
                for (ReadResult result : decoder.decode(envelope, "second " + s)) {
                    InputEvent event = ((ReadResult.Read) result).event();
                    if (ids.add(event.id())) {
                        perTenant.merge(event.tenantId(), 1L, Long::sum);
                    }
                }
            }
        }
        return new Generated(start, records, ids, perTenant, planted, traffic);
    }

    private static Map<String, String> settings(String bootstrap, Path dir, Generated input) {
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
