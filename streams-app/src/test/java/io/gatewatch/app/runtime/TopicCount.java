package io.gatewatch.app.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** How many records a topic holds (the sum of its partitions' end offsets: no compaction, no transactions). */
final class TopicCount {

    private final String bootstrap;
    private final String topic;

    TopicCount(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    long now() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            int partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().size();
            Map<TopicPartition, OffsetSpec> ends = java.util.stream.IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get().values().stream().mapToLong(r -> r.offset()).sum();
        }
    }

    /** Waits until the topic holds {@code atLeast} records; fails early when the mirror writing them died. */
    void awaitAtLeast(long atLeast, Duration timeout, MirrorMakerProcess writer) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        while (System.nanoTime() < deadline) {
            if (!writer.alive()) {
                throw new AssertionError("MirrorMaker exited:\n" + writer.logTail());
            }
            try {
                count = now();
            } catch (ExecutionException notYet) {
                count = 0; // the topic may not exist yet
            }
            if (count >= atLeast) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError(topic + " holds " + count + " records, not " + atLeast + ", after " + timeout
                + "; MirrorMaker:\n" + writer.logTail());
    }
}
