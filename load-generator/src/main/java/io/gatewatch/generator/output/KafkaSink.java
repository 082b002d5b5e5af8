package io.gatewatch.generator.output;

import io.gatewatch.generator.GeneratedEvent;
import io.gatewatch.generator.GeneratedRecord;
import io.gatewatch.generator.format.JsonRecordEncoder;
import io.gatewatch.generator.format.OutputFormat;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces sign-in records to the sign-in topic and Dynamics accesses to the Dynamics topic.
 * Keys are left empty, as Event Hubs' Kafka endpoint delivers them: Gatewatch re-keys by tenant
 * itself. Send failures are counted, never retried by hand (the producer already retries).
 */
public final class KafkaSink implements EventSink {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String signInTopic;
    private final String dynamicsTopic;
    private final JsonRecordEncoder encoder;
    private final AtomicLong errors = new AtomicLong();
    private final String bootstrapServers;
    private boolean closed;

    public KafkaSink(String bootstrapServers, String signInTopic, String dynamicsTopic, OutputFormat format,
                     int batchSize) {
        if (format == OutputFormat.CSV) {
            throw new IllegalArgumentException("the csv format is for files; to Kafka use graph, azure-monitor or "
                    + "log-analytics");
        }
        this.bootstrapServers = bootstrapServers;
        this.signInTopic = signInTopic;
        this.dynamicsTopic = dynamicsTopic;
        this.encoder = new JsonRecordEncoder(format, batchSize);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.CLIENT_ID_CONFIG, "gatewatch-generator"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void write(GeneratedEvent event) {
        encoder.encode(event, this::send);
    }

    private void send(GeneratedRecord record) {
        String topic = record.kind() == GeneratedRecord.Kind.DYNAMICS ? dynamicsTopic : signInTopic;
        producer.send(new ProducerRecord<>(topic, record.json().getBytes(StandardCharsets.UTF_8)),
                (metadata, exception) -> {
                    if (exception != null) {
                        errors.incrementAndGet();
                    }
                });
    }

    @Override
    public long errors() {
        return errors.get();
    }

    @Override
    public String describe() {
        return "Kafka " + bootstrapServers + " (topics " + signInTopic + ", " + dynamicsTopic + ")";
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        encoder.flush(this::send);
        producer.close();
    }
}
