package io.gatewatch.app.runtime;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.app.topology.StreamsSettings;
import io.gatewatch.classify.ClassificationData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.internals.InternalTopicConfig;
import org.apache.kafka.streams.processor.internals.InternalTopologyBuilder;

/**
 * Every topic a configuration needs on its cluster, for {@code run --list-topics} and for
 * pre-creating them where Gatewatch may not (an Event Hubs namespace with {@code topics.create=false}):
 * Gatewatch's own topics, then the changelog and repartition topics Kafka Streams creates for the
 * topology this configuration builds ({@code <application.id>-<name>-changelog | -repartition}), each
 * with its partitions and cleanup policy.
 *
 * <p>The internal topics are asked of Kafka Streams' own topology builder, the one its partition
 * assignor creates them from: {@link Topology#describe()} names the stores but not their kind, and
 * a windowed store's changelog is {@code compact,delete} where a key-value store's is {@code compact}.
 */
public final class TopicList {

    /** One topic: its name, partitions, cleanup policy and what it is for. */
    public record Needed(String name, int partitions, String cleanupPolicy, String role) {
        String line() {
            return String.format("%-60s partitions=%-3d cleanup.policy=%-14s %s", name, partitions, cleanupPolicy, role);
        }
    }

    private TopicList() {
    }

    public static List<Needed> of(GatewatchConfig config) {
        List<Needed> topics = new ArrayList<>();
        for (String name : config.topics().used(config.alertFormat())) {
            boolean compacted = TopicProvisioner.compacted(config, name);
            topics.add(new Needed(name, config.partitions(), compacted ? TopicConfig.CLEANUP_POLICY_COMPACT
                    : TopicConfig.CLEANUP_POLICY_DELETE, "gatewatch"));
        }
        Map<String, Needed> internal = new TreeMap<>();
        for (InternalTopologyBuilder.TopicsInfo info : builder(config).subtopologyToTopicsInfo().values()) {
            info.repartitionSourceTopics.values().forEach(topic -> internal.put(topic.name(), internal(config, topic,
                    "repartition")));
            info.nonSourceChangelogTopics().forEach(topic -> internal.put(topic.name(), internal(config, topic,
                    "changelog")));
        }
        topics.addAll(internal.values());
        return topics;
    }

    /** One line a topic, in the order of {@link #of}. */
    public static List<String> lines(GatewatchConfig config) {
        return of(config).stream().map(Needed::line).toList();
    }

    /**
     * Partitions: a repartition topic's own count when the topology fixes one, otherwise that of the
     * input it follows, which Gatewatch creates with {@code topic.partitions} like every other.
     */
    private static Needed internal(GatewatchConfig config, InternalTopicConfig topic, String role) {
        String policy = topic.properties(Map.of(), 0).getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE);
        return new Needed(topic.name(), topic.numberOfPartitions().orElse(config.partitions()), policy,
                "kafka streams " + role);
    }

    private static InternalTopologyBuilder builder(GatewatchConfig config) {
        Topology topology = GatewatchTopology.build(config, ClassificationData.defaults(), new SimpleMeterRegistry());
        try {
            Field field = Topology.class.getDeclaredField("internalTopologyBuilder");
            field.setAccessible(true);
            InternalTopologyBuilder builder = (InternalTopologyBuilder) field.get(topology);
            builder.rewriteTopology(new StreamsConfig(StreamsSettings.of(config)));
            builder.buildTopology(); // names the stores' changelogs, as a starting KafkaStreams does
            return builder;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Kafka Streams version hides its topology builder: " + e, e);
        }
    }
}
