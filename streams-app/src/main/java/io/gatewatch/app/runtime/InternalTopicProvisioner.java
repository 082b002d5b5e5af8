package io.gatewatch.app.runtime;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.state.StreamsInternalTopics;
import io.gatewatch.app.topology.StreamsSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka Streams' changelog and repartition topics, created before Kafka Streams starts, as it would
 * create them: the partitions its partition assignor would give them on this cluster (from the
 * inputs as they are, an Event Hubs hub included), the topic configs and replication factor it sets.
 * Left to Kafka Streams, they are created from inside the assignor, and a cluster that refuses them
 * (an Event Hubs namespace at its event hub limit) kills the stream thread at every rebalance, a stack
 * trace each time; here a refusal is the one line Gatewatch's own topics get. Kafka Streams then
 * finds them and creates none: of an existing internal topic it checks the partitions only.
 */
final class InternalTopicProvisioner {

    private InternalTopicProvisioner() {
    }

    /** Creates the internal topics missing from {@code existing}; Gatewatch's own topics exist by now. */
    static void ensure(Admin admin, GatewatchConfig config, Set<String> existing)
            throws ExecutionException, TimeoutException, InterruptedException {
        StreamsConfig settings = new StreamsConfig(StreamsSettings.of(config));
        Map<String, Integer> inputs = TopicList.partitions(admin, config.topics().used(config.alertFormat()), 30_000);
        List<StreamsInternalTopics.Topic> needed = TopicList.internal(config, input -> {
            Integer partitions = inputs.get(input);
            if (partitions == null) {
                throw new IllegalStateException("the topology reads " + input + ", which is none of " + inputs.keySet());
            }
            return partitions;
        });
        Optional<Short> replicationFactor = Optional.of(settings.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG).shortValue());
        List<NewTopic> missing = needed.stream().filter(topic -> !existing.contains(topic.name()))
                .map(topic -> new NewTopic(topic.name(), Optional.of(topic.partitions()), replicationFactor)
                        .configs(topic.configs()))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        TopicProvisioner.create(admin, config, missing);
        TopicProvisioner.awaitVisible(admin, missing.stream().map(NewTopic::name).toList());
    }
}
