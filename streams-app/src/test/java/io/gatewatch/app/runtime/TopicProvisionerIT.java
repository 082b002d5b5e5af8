package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.kafka.KafkaBroker;
import io.gatewatch.kafka.KafkaBrokerExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code topics.create}: with {@code false} a start against a cluster that lacks Gatewatch's
 * topics fails naming every missing one (and only those); with {@code true} they are created, the
 * org directory and the watchlists compacted, the rest with {@code topic.partitions}.
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
