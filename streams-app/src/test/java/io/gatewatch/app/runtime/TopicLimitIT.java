package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.kafka.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A namespace at its event hub limit: a broker whose creation policy refuses the eleventh topic, as
 * Event Hubs Standard does. Gatewatch's start fails with one line that names the tier limits and the
 * two ways out, and never the connection string: when the namespace's other hubs leave no room for
 * Gatewatch's own topics, and when it holds only Entra's hub, Gatewatch's own topics fit and Kafka
 * Streams' changelog and repartition topics do not.
 */
class TopicLimitIT {

    private static final String ENTRA_HUB = "insights-logs-signinlogs";
    private static final String CONNECTION_STRING = "Endpoint=sb://gw-limit.servicebus.windows.net/;"
            + "SharedAccessKeyName=gatewatch;SharedAccessKey=c2VjcmV0LWtleS1mb3ItdGhlLXRlc3Q=";

    @Test
    void aNamespaceAtItsLimitIsOneLineNamingTheTiersAndTheWaysOut(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Map.of("create.topic.policy.class.name",
                TenEventHubsPolicy.class.getName()))) {
            try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
                List<NewTopic> others = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    others.add(new NewTopic("insights-logs-other" + i, 1, (short) 1));
                }
                admin.createTopics(others).all().get(); // the namespace's other hubs
            }
            // the Event Hubs login, as a user configures it (the test broker's plaintext listener ignores it)
            GatewatchConfig config = ConfigLoader.build(Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                            + "username=\"$ConnectionString\" password=\"" + CONNECTION_STRING + "\";",
                    "sasl.mechanism", "PLAIN", "state.dir", dir.toString(), "http.port", "0"));

            assertThatThrownBy(() -> TopicProvisioner.ensureTopics(config))
                    .isInstanceOf(TopicProvisioner.TopicsRefusedException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("refused to create topics",
                            "PolicyViolationException", "10", "Standard", "Premium", "Basic has no compacted topics",
                            "config/mirrormaker/eventhubs-mm2.properties", "run --list-topics", "topics.create=false")
                            .doesNotContain(CONNECTION_STRING).doesNotContain("SharedAccessKey="));
        }
    }

    /**
     * {@code run} in its own JVM with the shipped logging: the refusal of Kafka Streams' internal
     * topics is the same one line on stderr, and the process ends by itself with exit 1 (a stream
     * thread replaced again and again would keep it running).
     */
    @Test
    void aNamespaceWithRoomForGatewatchsTopicsButNotKafkaStreamsOnesStopsRunWithOneLine(@TempDir Path dir)
            throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Map.of("create.topic.policy.class.name",
                TenEventHubsPolicy.class.getName()))) {
            try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(ENTRA_HUB, 4, (short) 1))).all().get(); // made by the diagnostic setting
            }
            Path config = Files.writeString(dir.resolve("gatewatch.properties"), String.join("\n",
                    "bootstrap.servers=" + broker.bootstrapServers(), "application.id=gw-standard",
                    "topic.signin-events=" + ENTRA_HUB, "processing.guarantee=at_least_once",
                    "sasl.mechanism=PLAIN", "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule "
                            + "required username=\"$ConnectionString\" password=\"" + CONNECTION_STRING + "\";",
                    "http.port=0", "state.dir=" + dir.resolve("state"), ""));
            GatewatchConfig parsed = ConfigLoader.build(Map.of("topic.signin-events", ENTRA_HUB));
            List<String> ownTopics = parsed.topics().used(parsed.alertFormat());
            assertThat(ownTopics.size()).as("Gatewatch's own topics fit beside the hub").isLessThan(TenEventHubsPolicy.LIMIT);

            RunProcess run = RunProcess.runToExit(dir, config, Duration.ofMinutes(3));

            assertThat(run.exitCode()).as("exit code (-1: still running)\n" + run.errText()).isEqualTo(1);
            assertThat(run.errorLines()).as(run.errText()).singleElement().satisfies(line -> assertThat(line)
                    .contains("refused to create topics", "gw-standard-", "-changelog", "PolicyViolationException",
                            "Max allowed: 10", "Gatewatch needs 21 topics", "at most 10 on Basic and Standard", "Premium",
                            "config/mirrormaker/eventhubs-mm2.properties", "topics.create=false")
                    .doesNotContain(CONNECTION_STRING).doesNotContain("SharedAccessKey="));
            assertThat(run.err()).as("no stack trace, no thread replaced").noneMatch(line -> line.startsWith("\tat ")
                    || line.startsWith("Exception in thread") || line.contains("replacing it"));
            try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).as("Gatewatch's own topics were made")
                        .containsAll(ownTopics);
            }
        }
    }

    /**
     * With {@code topics.create=false} and only Gatewatch's own topics made by hand, Kafka Streams
     * makes its internal topics itself, and a full namespace refuses them at every start of a stream
     * thread: after repeated failures the instance stops, {@code run} says so in one line and exits
     * with 1 (rather than replacing threads for ever), so a supervisor restarts it and an operator sees why.
     */
    @Test
    void kafkaStreamsRefusedItsTopicsAgainAndAgainEndsRunWithExitOne(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Map.of("create.topic.policy.class.name",
                TenEventHubsPolicy.class.getName()))) {
            GatewatchConfig parsed = ConfigLoader.build(Map.of("topic.signin-events", ENTRA_HUB));
            List<String> ownTopics = parsed.topics().used(parsed.alertFormat());
            try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
                List<NewTopic> topics = new ArrayList<>();
                ownTopics.forEach(name -> topics.add(new NewTopic(name, 2, (short) 1)));
                for (int i = ownTopics.size(); i < TenEventHubsPolicy.LIMIT; i++) {
                    topics.add(new NewTopic("insights-logs-other" + i, 1, (short) 1));
                }
                admin.createTopics(topics).all().get(); // the namespace is full
            }
            Path config = Files.writeString(dir.resolve("gatewatch.properties"), String.join("\n",
                    "bootstrap.servers=" + broker.bootstrapServers(), "application.id=gw-full",
                    "topic.signin-events=" + ENTRA_HUB, "processing.guarantee=at_least_once", "topics.create=false",
                    "topic.partitions=2", "http.port=0", "state.dir=" + dir.resolve("state"), ""));

            RunProcess run = RunProcess.runToExit(dir, config, Duration.ofMinutes(4));

            assertThat(run.exitCode()).as("exit code (-1: still running)\n" + run.errText()).isEqualTo(1);
            assertThat(run.errorLines()).as(run.errText()).last().satisfies(line -> assertThat(line)
                    .contains("Kafka Streams stopped in ERROR after repeated stream-thread failures", "exiting with 1"));
            assertThat(run.errorLines().stream().filter(line -> line.contains("replacing it")))
                    .as("threads replaced before the instance stopped").hasSizeLessThan(StreamThreadFailures.LIMIT);
        }
    }
}
