package io.gatewatch.app.state;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.internals.InternalTopicConfig;
import org.apache.kafka.streams.processor.internals.InternalTopologyBuilder;
import org.apache.kafka.streams.processor.internals.InternalTopologyBuilder.TopicsInfo;

/**
 * The changelog and repartition topics Kafka Streams creates for a topology, as it creates them,
 * asked of its own topology builder, the one its partition assignor creates them from:
 * {@link Topology#describe()} names the stores but not their kind, and a windowed store's changelog
 * is {@code compact,delete} with a retention where a key-value store's is {@code compact}. Sized as
 * the assignor sizes them: a repartition topic as the largest source topic of the sub-topologies
 * writing it (unless the topology fixes it), a changelog as its sub-topology's tasks, one per
 * partition of its largest source topic. Kafka Streams internals, read by reflection: here, beside
 * the decoded stores, so that a Kafka upgrade has one package to check.
 */
public final class StreamsInternalTopics {

    /** One internal topic: its partitions and the topic configs Kafka Streams creates it with. */
    public record Topic(String name, int partitions, Map<String, String> configs, String role) {
        public String cleanupPolicy() {
            return configs.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        }
    }

    private StreamsInternalTopics() {
    }

    /**
     * By name: repartition topics, then changelogs, as a starting {@code KafkaStreams} would name them;
     * {@code partitionsOf} gives the partitions of a topic the topology reads that is not its own.
     */
    public static List<Topic> of(Topology topology, StreamsConfig settings, ToIntFunction<String> partitionsOf) {
        InternalTopologyBuilder builder = builder(topology, settings);
        Collection<TopicsInfo> subtopologies = builder.subtopologyToTopicsInfo().values();
        Map<String, InternalTopicConfig> repartition = new HashMap<>();
        subtopologies.forEach(info -> repartition.putAll(info.repartitionSourceTopics));
        for (Set<String> group : builder.copartitionGroups()) {
            if (group.stream().anyMatch(repartition::containsKey)) {
                // Kafka Streams would size these to match the topics they join: not done here
                throw new IllegalStateException("co-partitioned repartition topics are not sized here: " + group);
            }
        }
        Map<String, Integer> sized = new HashMap<>();
        repartition.values().forEach(topic -> topic.numberOfPartitions().ifPresent(n -> sized.put(topic.name(), n)));
        boolean progress = true;
        while (sized.size() < repartition.size() && progress) {
            progress = false;
            for (String name : repartition.keySet()) {
                Integer partitions = sized.containsKey(name) ? null
                        : largestUpstream(name, subtopologies, repartition, sized, partitionsOf);
                if (partitions != null) {
                    sized.put(name, partitions);
                    progress = true;
                }
            }
        }
        if (sized.size() < repartition.size()) {
            throw new IllegalStateException("no source topic sizes the repartition topics " + repartition.keySet());
        }
        Map<String, String> defaults = new HashMap<>();
        settings.originalsWithPrefix(StreamsConfig.TOPIC_PREFIX).forEach((key, value) -> {
            if (value != null) {
                defaults.put(key, value.toString());
            }
        });
        long extraRetention = settings.getLong(StreamsConfig.WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG);
        Map<String, Topic> internal = new TreeMap<>();
        for (TopicsInfo info : subtopologies) {
            info.repartitionSourceTopics.values().forEach(topic -> internal.put(topic.name(), new Topic(topic.name(),
                    sized.get(topic.name()), topic.properties(defaults, extraRetention), "kafka streams repartition")));
            int tasks = info.sourceTopics.stream().mapToInt(source -> repartition.containsKey(source)
                    ? sized.get(source) : partitionsOf.applyAsInt(source)).max().orElse(0);
            info.nonSourceChangelogTopics().forEach(topic -> internal.put(topic.name(), new Topic(topic.name(), tasks,
                    topic.properties(defaults, extraRetention), "kafka streams changelog")));
        }
        return new ArrayList<>(internal.values());
    }

    /** The largest source topic of the sub-topologies that write {@code topic}; null while none is known. */
    private static Integer largestUpstream(String topic, Collection<TopicsInfo> subtopologies,
                                           Map<String, InternalTopicConfig> repartition, Map<String, Integer> sized,
                                           ToIntFunction<String> partitionsOf) {
        Integer largest = null;
        for (TopicsInfo info : subtopologies) {
            if (!info.sinkTopics.contains(topic)) {
                continue;
            }
            for (String source : info.sourceTopics) {
                // boxed on both sides: a repartition topic not sized yet is null here, not an unboxing failure
                Integer partitions = repartition.containsKey(source) ? sized.get(source)
                        : Integer.valueOf(partitionsOf.applyAsInt(source));
                if (partitions != null && (largest == null || partitions > largest)) {
                    largest = partitions;
                }
            }
        }
        return largest;
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
