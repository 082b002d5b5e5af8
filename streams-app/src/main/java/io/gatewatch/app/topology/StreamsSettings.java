package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/** The Kafka Streams properties for a configuration: Gatewatch's choices, then the user's pass-through. */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    public static Properties of(GatewatchConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                config.exactlyOnce() ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // Decode failures are routed by the topology itself; these catch what slips past it (a
        // corrupt internal record, a bug on one record): filed in the same dead-letter topic, and
        // the stream goes on instead of stopping every task.
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().deadLetter().name());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Kafka Streams' partition assignor reads it again from the main consumer's settings (which
        // carry no Streams setting of their own) and otherwise warns at every start that it is off
        props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        props.put(StreamsConfig.STATE_DIR_CONFIG,
                Path.of(System.getProperty("user.home"), ".gatewatch", "state").toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        props.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, config.rocksDbMemoryBytes());
        // state.cache=kafka hands the decoded values' budget to the record cache, so both spend the same heap
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG,
                (32L << 20) + (config.holdDecoded() ? 0 : config.decodedMemoryBytes()));
        // state changelogs are written per commit and compress about 4:1 (the bench: 1,082 -> 246 bytes per
        // event) at no measurable throughput cost; the repartition and output topics gain as well. Unprefixed, so
        // the user's compression.type (or producer.compression.type) below still wins
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // each commit sends a burst to every changelog, repartition and output partition of the task; with the
        // producer's 16 KB batches the bench ran at 18,000 events/s, with 64-512 KB at 22,500-23,400
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        if (!config.exactlyOnce()) {
            // Kafka Streams commits every 30 s under at-least-once: the API (which reads stores as of the last
            // commit) and the replay after a crash would span that much; without transactions a commit is cheap
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        }
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.replicationFactor());
        props.putAll(config.kafka());
        return props;
    }
}
