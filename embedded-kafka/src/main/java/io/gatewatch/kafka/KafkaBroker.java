package io.gatewatch.kafka;

/** A running Kafka broker that clients can reach. */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    /** Where the broker runs: {@code embedded} (in-process KRaft) or {@code testcontainers}. */
    String backend();

    @Override
    void close();
}
