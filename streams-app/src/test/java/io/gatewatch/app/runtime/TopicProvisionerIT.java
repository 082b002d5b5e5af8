package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.kafka.KafkaBroker;
import io.gatewatch.kafka.KafkaBrokerExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code topics.create}: with {@code false} a start against a cluster that lacks Gatewatch's
 * topics fails naming every missing one (and only those); with {@code true} they are created, the
 * org directory and the watchlists compacted, the rest with {@code topic.partitions}, and Kafka
 * Streams' changelog and repartition topics as Kafka Streams would make them.
 */
@ExtendWith(KafkaBrokerExtension.class)
class TopicProvisionerIT {

    private static final List<String> NAMES = List.of("signin-events", "dynamics-access", "dynamics-orgs", "alerts",
            "aggregates", "aggregates-daily", "classified", "dlq", "watchlists");

    @Test
    void withoutCreateTheMissingTopicsAreNamedAndWithCreateTheyAreMade(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("prov-signin-events", 1, (short) 1))).all().get();

            GatewatchConfig refusing = config(broker, false);
            assertThatThrownBy(() -> TopicProvisioner.ensureTopics(refusing))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("topics.create=true")
                    .hasMessageContaining("prov-dynamics-access").hasMessageContaining("prov-dynamics-orgs")
                    .hasMessageContaining("prov-alerts").hasMessageContaining("prov-aggregates-daily")
                    .hasMessageContaining("prov-dlq").hasMessageContaining("prov-watchlists")
                    .hasMessageNotContaining("prov-signin-events"); // it exists
            assertThat(admin.listTopics().names().get()).doesNotContain("prov-alerts");

            TopicProvisioner.ensureTopics(config(broker, true));
            Set<String> topics = admin.listTopics().names().get();
            for (String name : NAMES) {
                assertThat(topics).contains("prov-" + name);
            }
            assertThat(admin.describeTopics(List.of("prov-alerts")).allTopicNames().get().get("prov-alerts").partitions())
                    .hasSize(3);
            for (String compacted : List.of("prov-dynamics-orgs", "prov-watchlists")) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, compacted);
                assertThat(admin.describeConfigs(List.of(topic)).all().get().get(topic)
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(compacted).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            }

            TopicProvisioner.ensureTopics(refusing); // now nothing is missing: passes without creating
        }
    }

    /** Two instances started together: the one that lost the race to create a topic starts all the same. */
    @Test
    void aTopicAnotherInstanceCreatedMeanwhileIsNoFailure(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            GatewatchConfig config = config(broker, true);
            admin.createTopics(List.of(new NewTopic("prov-race-a", 1, (short) 1))).all().get();

            TopicProvisioner.create(admin, config, List.of("prov-race-a", "prov-race-b"));

            // created is not yet listed: the broker learns of a new topic from the controller a moment later
            Set<String> listed = admin.listTopics().names().get();
            for (int i = 0; i < 100 && !listed.contains("prov-race-b"); i++) {
                Thread.sleep(100);
                listed = admin.listTopics().names().get();
            }
            assertThat(listed).contains("prov-race-a", "prov-race-b");
            assertThat(admin.describeTopics(List.of("prov-race-a")).allTopicNames().get().get("prov-race-a").partitions())
                    .as("the other instance's topic is left as it was").hasSize(1);
        }
    }

    /**
     * Kafka Streams' changelog and repartition topics, made by Gatewatch before Kafka Streams starts,
     * are the ones Kafka Streams makes itself: the same partitions (sized by the inputs as they are,
     * a hub of 4 partitions beside topics of 3) and the same topic configs. Kafka Streams, finding
     * them, runs on them. (The other application id leaves them to Kafka Streams: topics.create=false.)
     * {@code run --list-topics} on that cluster lists every topic at the partitions it has.
     */
    @Test
    void kafkaStreamsOwnTopicsAreMadeAsKafkaStreamsMakesThem(KafkaBroker broker, @TempDir Path dir) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("made-signin-events", 4, (short) 1))).all().get(); // the hub
            GatewatchConfig byGatewatch = internalTopicsConfig(broker, dir, "made-by-gatewatch", true);
            GatewatchConfig byStreams = internalTopicsConfig(broker, dir, "made-by-streams", false);
            TopicProvisioner.ensureTopics(byGatewatch);
            Map<String, TopicDescription> made = described(admin, "made-by-gatewatch-");
            assertThat(made).as("made before Kafka Streams starts").hasSizeGreaterThanOrEqualTo(12);
            assertThat(made.get("made-by-gatewatch-by-tenant-repartition").partitions()).as("sized by the hub").hasSize(4);

            try (GatewatchApp streamsMade = GatewatchApp.start(byStreams, new SimpleMeterRegistry());
                 GatewatchApp gatewatchMade = GatewatchApp.start(byGatewatch, new SimpleMeterRegistry())) {
                assertThat(streamsMade.awaitRunning(Duration.ofSeconds(90))).as("RUNNING on its own topics").isTrue();
                assertThat(gatewatchMade.awaitRunning(Duration.ofSeconds(90))).as("RUNNING on the topics made for it").isTrue();
            }
            Map<String, TopicDescription> streamsMade = described(admin, "made-by-streams-");
            assertThat(described(admin, "made-by-gatewatch-").keySet()).as("Kafka Streams made no more of its own")
                    .isEqualTo(made.keySet());
            assertThat(streamsMade.keySet()).extracting(name -> name.replace("made-by-streams-", "made-by-gatewatch-"))
                    .containsExactlyInAnyOrderElementsOf(made.keySet());
            for (Map.Entry<String, TopicDescription> topic : streamsMade.entrySet()) {
                String ours = topic.getKey().replace("made-by-streams-", "made-by-gatewatch-");
                assertThat(made.get(ours).partitions()).as(ours).hasSameSizeAs(topic.getValue().partitions());
                assertThat(topicConfigs(admin, ours)).as(ours).isEqualTo(topicConfigs(admin, topic.getKey()));
            }
            // run --list-topics against this cluster: every topic at the partitions it has, the hub's 4 included
            Map<String, Integer> existing = TopicList.existing(byGatewatch, Duration.ofSeconds(10)).orElseThrow();
            assertThat(existing).containsEntry("made-signin-events", 4);
            for (TopicList.Needed needed : TopicList.of(byGatewatch, existing)) {
                int has = made.containsKey(needed.name()) ? made.get(needed.name()).partitions().size()
                        : existing.get(needed.name());
                assertThat(needed.partitions()).as(needed.name()).isEqualTo(has);
            }
        }
    }

    private static GatewatchConfig internalTopicsConfig(KafkaBroker broker, Path dir, String applicationId, boolean create) {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", broker.bootstrapServers());
        values.put("application.id", applicationId);
        values.put("topic.partitions", "3");
        values.put("topics.create", Boolean.toString(create));
        values.put("http.port", "0");
        values.put("rocksdb.memory.bytes", "33554432");
        values.put("state.dir", dir.resolve(applicationId).toString());
        for (String name : NAMES) {
            values.put("topic." + name, "made-" + name);
        }
        return ConfigLoader.build(values);
    }

    private static Map<String, TopicDescription> described(Admin admin, String prefix) throws Exception {
        List<String> names = admin.listTopics().names().get().stream().filter(name -> name.startsWith(prefix)).toList();
        return admin.describeTopics(names).allTopicNames().get();
    }

    /** The configs set on the topic at its creation (not the broker's defaults). */
    private static Map<String, String> topicConfigs(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).entries().stream()
                .filter(entry -> entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
    }

    private static GatewatchConfig config(KafkaBroker broker, boolean create) {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", broker.bootstrapServers());
        values.put("application.id", "provisioner-it");
        values.put("topic.partitions", "3");
        values.put("topics.create", Boolean.toString(create));
        for (String name : NAMES) {
            values.put("topic." + name, "prov-" + name);
        }
        return ConfigLoader.build(values);
    }
}
