package io.gatewatch.bench;

import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.SyntheticDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes N realistic Azure Monitor sign-in records (one per Kafka record) into a topic. */
final class Preloader {

    private Preloader() {
    }

    /** Returns the bytes written. Event times span the last N/1000 seconds, in order. */
    static long preload(String bootstrap, String topic, int events, long seed) {
        BenignTraffic traffic = new BenignTraffic(SyntheticDirectory.generate(seed, 50, 20_000), seed, false);
        Instant start = Instant.now().minusMillis(events);
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "linger.ms", 20, "batch.size", 512 * 1024, "compression.type", "lz4", "acks", "1"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                byte[] value = AzureMonitorRecordBuilder.build(traffic.next(start.plusMillis(i))).toString()
                        .getBytes(StandardCharsets.UTF_8);
                bytes += value.length;
                producer.send(new ProducerRecord<>(topic, value));
            }
            producer.flush();
        }
        return bytes;
    }
}
