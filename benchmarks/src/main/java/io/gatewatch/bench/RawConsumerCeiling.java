package io.gatewatch.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The ceiling: Kafka's plain consumer reading the topic as fast as it can, as Kafka's
 * ConsumerPerformance tool does (byte arrays, no processing, large fetches).
 */
final class RawConsumerCeiling {

    record Result(long records, long bytes, double seconds) {
        double recordsPerSecond() {
            return records / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / (1024 * 1024);
        }
    }

    private RawConsumerCeiling() {
    }

    static Result measure(String bootstrap, String topic, long expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "bench-ceiling-" + System.nanoTime(), "auto.offset.reset", "earliest",
                "enable.auto.commit", "false", "fetch.max.bytes", 52428800, "max.partition.fetch.bytes", 10485760,
                "max.poll.records", 5000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long records = 0;
            long bytes = 0;
            long start = 0;
            while (records < expected) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (start == 0) {
                        start = System.nanoTime();
                    }
                    records++;
                    bytes += record.serializedValueSize();
                }
            }
            return new Result(records, bytes, (System.nanoTime() - start) / 1e9);
        }
    }
}
