package io.gatewatch.app.config;

import io.gatewatch.rules.RuleSettings;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the streams app is configured with, typed and validated. Built by
 * {@link ConfigLoader} from defaults < properties file < environment.
 *
 * @param kafka           client properties passed through to Kafka (bootstrap.servers, security, ...)
 * @param exactlyOnce     exactly_once_v2 when true; at_least_once for Event Hubs tiers without transactions
 * @param defaultTenant   tenant for input records that carry none (Graph v1.0); null sends them to the DLQ
 * @param emitClassified  also write every classified event to the classified topic
 * @param createTopics    create missing topics at start-up (else fail naming them)
 * @param maxFuture       how far ahead of this host's clock an event time may be; later ones are
 *                        dead-lettered (Kafka refuses record timestamps over an hour ahead by default)
 * @param decodedMemoryBytes {@code state.decoded-memory.bytes}: heap for store values held decoded between commits
 * @param holdDecoded   {@code state.cache}: decoded (true) holds store values decoded between commits; kafka
 *                      builds the same stores on Kafka Streams' record cache, given the same budget
 * @param brokerTimeout   {@code startup.broker-timeout}: how long {@code run} waits for a broker to answer
 * @param alertUpdateInterval {@code alerts.update-interval}: how often an open incident that grows is
 *                        reported again as an update of its alert; zero: never
 */
public record GatewatchConfig(
        String applicationId,
        Map<String, String> kafka,
        Topics topics,
        boolean exactlyOnce,
        Duration windowSize,
        Duration grace,
        Duration dedupHorizon,
        Duration maxFuture,
        Duration aggregateRetention,
        String defaultTenant,
        boolean emitClassified,
        boolean createTopics,
        int partitions,
        short replicationFactor,
        long rocksDbMemoryBytes,
        long decodedMemoryBytes,
        Duration brokerTimeout,
        RuleSettings rules,
        ApiSettings api,
        AlertFormat alertFormat,
        boolean holdDecoded,
        Duration alertUpdateInterval) {

    /** The least RocksDB memory, {@code rocksdb.memory.bytes}, a configuration may give. */
    static final long MIN_ROCKSDB_MEMORY_BYTES = 16L << 20;
    /** The least heap for decoded store values, {@code state.decoded-memory.bytes}, a configuration may give. */
    static final long MIN_DECODED_MEMORY_BYTES = 1L << 20;

    public GatewatchConfig {
        kafka = Map.copyOf(kafka);
        require(windowSize.compareTo(Duration.ofSeconds(1)) >= 0, "window.size must be at least 1 second");
        require(!grace.isNegative(), "window.grace must not be negative");
        require(dedupHorizon.compareTo(Duration.ofMinutes(1)) >= 0, "dedup.horizon must be at least 1 minute");
        require(!maxFuture.isNegative(), "event.max-future must not be negative");
        require(aggregateRetention.compareTo(windowSize.plus(grace)) >= 0,
                "aggregate.retention must cover window.size + window.grace");
        require(partitions >= 1, "topic.partitions must be at least 1");
        require(replicationFactor >= 1, "topic.replication.factor must be at least 1");
        require(rocksDbMemoryBytes >= MIN_ROCKSDB_MEMORY_BYTES, "rocksdb.memory.bytes must be at least 16 MiB");
        require(decodedMemoryBytes >= MIN_DECODED_MEMORY_BYTES, "state.decoded-memory.bytes must be at least 1 MiB");
        require(brokerTimeout.compareTo(Duration.ofSeconds(1)) >= 0, "startup.broker-timeout must be at least 1 second");
        require(kafka.containsKey("bootstrap.servers"), "bootstrap.servers is required");
        require(applicationId != null && !applicationId.isBlank(), "application.id is required");
        require(!alertUpdateInterval.isNegative(), "alerts.update-interval must not be negative (PT0S: no updates)");
    }

    public String bootstrapServers() {
        return kafka.get("bootstrap.servers");
    }

    /** This instance's {@code host:port} for interactive queries ({@code application.server}); null when single. */
    public String applicationServer() {
        return kafka.get("application.server");
    }


    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
