package io.gatewatch.app.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Waits until a streams application has committed every record of a topic. */
final class IngestLag {

    private IngestLag() {
    }

    static void awaitZero(String bootstrap, String groupId, String topic, Duration timeout)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (int p = 0; p < partitions(admin, topic); p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                // an empty partition has nothing to consume (and never gets a committed offset)
                boolean caughtUp = ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || committed.containsKey(e.getKey()) && committed.get(e.getKey()).offset() >= e.getValue().offset());
                if (caughtUp) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("application " + groupId + " did not consume all of " + topic + " in " + timeout);
    }

    private static int partitions(Admin admin, String topic) throws ExecutionException, InterruptedException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    /** The offsets {@code groupId} has committed on {@code topic}, summed over its partitions. */
    static long committed(String bootstrap, String groupId, String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return committed(admin, groupId, topic);
        }
    }

    /** The records of {@code topic} that {@code groupId} has not committed, summed over its partitions. */
    static long uncommitted(String bootstrap, String groupId, String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions(admin, topic); p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(e -> e.offset()).sum();
            return end - committed(admin, groupId, topic);
        }
    }

    private static long committed(Admin admin, String groupId, String topic) throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get()
                .entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Waits until {@code groupId} has committed at least {@code atLeast} offsets of {@code topic}, so a kill lands mid-stream. */
    static void awaitCommitted(String bootstrap, String groupId, String topic, long atLeast, ChildInstance instance)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            while (System.nanoTime() < deadline) {
                if (committed(admin, groupId, topic) >= atLeast) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("instance made no progress: " + instance.logTail());
    }
}
