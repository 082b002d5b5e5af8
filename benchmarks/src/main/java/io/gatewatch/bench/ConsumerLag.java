package io.gatewatch.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group (a streams application) is behind the end of its topics. */
final class ConsumerLag {

    private ConsumerLag() {
    }

    /**
     * Total lag over the committed partitions, or -1 while some of {@code mustCommit} has no
     * committed offset yet (the application has not reached it).
     */
    static long of(Admin admin, String groupId, Set<String> mustCommit) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        Set<String> seen = new HashSet<>();
        committed.keySet().forEach(tp -> seen.add(tp.topic()));
        if (!seen.containsAll(mustCommit)) {
            return -1;
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        committed.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(request).all().get().entrySet()) {
            lag += Math.max(0, end.getValue().offset() - committed.get(end.getKey()).offset());
        }
        return lag;
    }

    /** The group's committed offsets summed over {@code topic}'s partitions (0 before its first commit). */
    static long committed(Admin admin, String groupId, String topic) throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset()).sum();
    }
}
