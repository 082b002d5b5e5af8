package io.gatewatch.app.state;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.internals.InternalTopicConfig;
import org.apache.kafka.streams.processor.internals.InternalTopologyBuilder;

/**
 * The changelog and repartition topics Kafka Streams creates for a topology, asked of its own
 * topology builder, the one its partition assignor creates them from: {@link Topology#describe()}
 * names the stores but not their kind, and a windowed store's changelog is {@code compact,delete}
 * where a key-value store's is {@code compact}. Kafka Streams internals, read by reflection: here,
 * beside the decoded stores, so that a Kafka upgrade has one package to check.
 */
public final class StreamsInternalTopics {

    /** One internal topic; {@code partitions} empty where it follows the input it is derived from. */
    public record Topic(String name, OptionalInt partitions, String cleanupPolicy, String role) {
    }

    private StreamsInternalTopics() {
    }

    /** By name: repartition topics, then changelogs, as a starting {@code KafkaStreams} would name them. */
    public static List<Topic> of(Topology topology, StreamsConfig settings) {
        Map<String, Topic> internal = new TreeMap<>();
        for (InternalTopologyBuilder.TopicsInfo info : builder(topology, settings).subtopologyToTopicsInfo().values()) {
            info.repartitionSourceTopics.values().forEach(topic -> internal.put(topic.name(), topic(topic, "repartition")));
            info.nonSourceChangelogTopics().forEach(topic -> internal.put(topic.name(), topic(topic, "changelog")));
        }
        return new ArrayList<>(internal.values());
    }

    private static Topic topic(InternalTopicConfig topic, String role) {
        String policy = topic.properties(Map.of(), 0).getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE);
        return new Topic(topic.name(), topic.numberOfPartitions().map(OptionalInt::of).orElse(OptionalInt.empty()),
                policy, "kafka streams " + role);
    }

    private static InternalTopologyBuilder builder(Topology topology, StreamsConfig settings) {
        try {
            Field field = Topology.class.getDeclaredField("internalTopologyBuilder");
            field.setAccessible(true);
            InternalTopologyBuilder builder = (InternalTopologyBuilder) field.get(topology);
            builder.rewriteTopology(settings);
            builder.buildTopology(); // names the stores' changelogs, as a starting KafkaStreams does
            return builder;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Kafka Streams version hides its topology builder: " + e, e);
        }
    }
}
