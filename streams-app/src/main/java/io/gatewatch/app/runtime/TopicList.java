package io.gatewatch.app.runtime;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.state.StreamsInternalTopics;
import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.app.topology.StreamsSettings;
import io.gatewatch.classify.ClassificationData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Every topic a configuration needs on its cluster, for {@code run --list-topics} and for
 * pre-creating them where Gatewatch may not (an Event Hubs namespace with {@code topics.create=false}):
 * Gatewatch's own topics, then the changelog and repartition topics Kafka Streams creates for the
 * topology this configuration builds ({@code <application.id>-<name>-changelog | -repartition}), each
 * with its partitions and cleanup policy. The internal topics come from {@link StreamsInternalTopics}.
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
        Topology topology = GatewatchTopology.build(config, ClassificationData.defaults(), new SimpleMeterRegistry());
        // sized as if every input had topic.partitions, as Gatewatch creates them; on a cluster the inputs that
        // exist already (an Event Hubs hub) size them instead, and TopicProvisioner creates them so
        for (StreamsInternalTopics.Topic topic : StreamsInternalTopics.of(topology,
                new StreamsConfig(StreamsSettings.of(config)), input -> config.partitions())) {
            topics.add(new Needed(topic.name(), topic.partitions(), topic.cleanupPolicy(), topic.role()));
        }
        return topics;
    }

    /** One line a topic, in the order of {@link #of}. */
    public static List<String> lines(GatewatchConfig config) {
        return of(config).stream().map(Needed::line).toList();
    }
}
