package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A namespace at its event hub limit: a broker whose creation policy refuses the eleventh topic, as
 * Event Hubs Standard does, already holding other hubs. Gatewatch's start fails with one line that
 * names the tier limits and the two ways out, and never the connection string.
 */
class TopicLimitIT {

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
}
