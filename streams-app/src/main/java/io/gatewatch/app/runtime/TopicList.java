package io.gatewatch.app.runtime;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.state.StreamsInternalTopics;
import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.app.topology.StreamsSettings;
import io.gatewatch.classify.ClassificationData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Every topic a configuration needs on its cluster, for {@code run --list-topics} and for
 * pre-creating them where Gatewatch may not (an Event Hubs namespace with {@code topics.create=false}):
 * Gatewatch's own topics, then the changelog and repartition topics Kafka Streams creates for the
 * topology this configuration builds ({@code <application.id>-<name>-changelog | -repartition}), each
 * with its partitions and cleanup policy. The internal topics come from {@link StreamsInternalTopics};
 * their partitions follow the inputs', so the inputs that exist already on the cluster size them.
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

    /** Every topic as Gatewatch would create it on a cluster that has none of them yet. */
    public static List<Needed> of(GatewatchConfig config) {
        return of(config, Map.of());
    }

    /**
     * Every topic, Gatewatch's own that exist already at their partitions on the cluster
     * ({@code existing}: name to partitions, an Event Hubs hub of 4 partitions say), the rest at
     * {@code topic.partitions}; Kafka Streams' internal topics sized from those, as its partition
     * assignor and {@link InternalTopicProvisioner} size them.
     */
    public static List<Needed> of(GatewatchConfig config, Map<String, Integer> existing) {
        List<Needed> topics = new ArrayList<>();
        for (String name : config.topics().used(config.alertFormat())) {
            boolean compacted = TopicProvisioner.compacted(config, name);
            topics.add(new Needed(name, existing.getOrDefault(name, config.partitions()),
                    compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE, "gatewatch"));
        }
        for (StreamsInternalTopics.Topic topic : internal(config, input -> existing.getOrDefault(input, config.partitions()))) {
            topics.add(new Needed(topic.name(), topic.partitions(), topic.cleanupPolicy(), topic.role()));
        }
        return topics;
    }

    /** Kafka Streams' internal topics of the topology this configuration builds, each input at the partitions given. */
    static List<StreamsInternalTopics.Topic> internal(GatewatchConfig config, ToIntFunction<String> inputPartitions) {
        Topology topology = GatewatchTopology.build(config, ClassificationData.defaults(), new SimpleMeterRegistry());
        return StreamsInternalTopics.of(topology, new StreamsConfig(StreamsSettings.of(config)), inputPartitions);
    }

    /** The partitions of each of {@code topics}, which must exist. */
    static Map<String, Integer> partitions(Admin admin, Collection<String> topics, long waitMs)
            throws ExecutionException, TimeoutException, InterruptedException {
        return admin.describeTopics(topics).allTopicNames().get(waitMs, TimeUnit.MILLISECONDS).values().stream()
                .collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
    }

    /**
     * Gatewatch's own topics that exist on the cluster, with their partitions; empty when no broker
     * answered within {@code timeout} (or refused us). Its client is the start-up wait's, whose
     * connection warnings the shipped logging leaves out.
     */
    static Optional<Map<String, Integer>> existing(GatewatchConfig config, Duration timeout) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, BrokerWait.CLIENT_ID);
        Admin admin = Admin.create(props);
        try {
            long waitMs = timeout.toMillis() + 1_000;
            Set<String> names = admin.listTopics().names().get(waitMs, TimeUnit.MILLISECONDS);
            List<String> ours = config.topics().used(config.alertFormat()).stream().filter(names::contains).toList();
            return Optional.of(partitions(admin, ours, waitMs));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** One line a topic, in the order of {@link #of}. */
    public static List<String> lines(GatewatchConfig config) {
        return lines(config, Map.of());
    }

    /** One line a topic, sized from the topics that exist ({@link #of(GatewatchConfig, Map)}). */
    public static List<String> lines(GatewatchConfig config, Map<String, Integer> existing) {
        return of(config, existing).stream().map(Needed::line).toList();
    }
}
