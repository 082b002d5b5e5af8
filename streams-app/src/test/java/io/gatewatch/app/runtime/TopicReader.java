package io.gatewatch.app.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads a topic (committed records only) until a condition holds or a deadline passes. */
final class TopicReader<K, V> implements AutoCloseable {

    private final KafkaConsumer<K, V> consumer;
    private final List<ConsumerRecord<K, V>> records = new ArrayList<>();

    TopicReader(String bootstrap, String topic, Deserializer<K> keys, Deserializer<V> values) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topic, keys, values);
    }

    /** With client settings of its own: bootstrap.servers and, say, SASL_SSL. */
    TopicReader(Map<String, ?> client, String topic, Deserializer<K> keys, Deserializer<V> values) {
        Properties props = new Properties();
        props.putAll(client);
        props.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        consumer = new KafkaConsumer<>(props, keys, values);
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code done} holds for everything read so far, or the deadline; returns all records read. */
    List<ConsumerRecord<K, V>> readUntil(Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(records) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(250)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    /**
     * Reads to the committed end of every partition as it stands now (so nothing already written
     * is missed, however slow the fetch), then whatever else arrives within the quiet period (to
     * catch a duplicate still in flight). Fails when the end is not reached within a minute.
     */
    List<ConsumerRecord<K, V>> readMore(Duration quiet) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("did not read to the committed end offsets " + end + " within a minute");
            }
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        long quietEnd = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < quietEnd) {
            consumer.poll(Duration.ofMillis(250)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
