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

    /** Reads whatever else arrives within the given quiet period (to catch duplicates). */
    List<ConsumerRecord<K, V>> readMore(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(250)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
