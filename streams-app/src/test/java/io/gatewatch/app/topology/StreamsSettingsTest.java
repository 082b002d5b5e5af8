package io.gatewatch.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.logging.LogCapture;
import io.gatewatch.classify.ClassificationData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsSettingsTest {

    private static StreamsConfig streamsSettings(Map<String, String> values) {
        return new StreamsConfig(StreamsSettings.of(ConfigLoader.build(values)));
    }

    private static Map<String, Object> producerSettings(Map<String, String> values) {
        return streamsSettings(values).getProducerConfigs("client");
    }

    @Test
    void atLeastOnceCommitsEverySecondUnlessTheUserChoseOtherwise() {
        Map<String, String> atLeastOnce = Map.of("bootstrap.servers", "localhost:9092",
                "processing.guarantee", "at_least_once");
        assertThat(streamsSettings(atLeastOnce).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(1000);
        assertThat(streamsSettings(Map.of("bootstrap.servers", "localhost:9092", "processing.guarantee",
                "at_least_once", "commit.interval.ms", "30000")).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo(30_000);
        assertThat(streamsSettings(Map.of("bootstrap.servers", "localhost:9092"))
                .getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).as("exactly-once keeps Kafka's 100 ms").isEqualTo(100);
    }

    /**
     * Kafka Streams warns at start unless told whether its processing exception handler also
     * covers the global (watchlist) thread; Gatewatch says yes, so a failing watchlist record is
     * handled as any other.
     */
    @Test
    void theProcessingExceptionHandlerCoversTheGlobalThreadToo() {
        try (LogCapture logs = LogCapture.of(StreamsConfig.class)) {
            StreamsConfig settings = streamsSettings(Map.of("bootstrap.servers", "localhost:9092"));
            assertThat(settings.getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)).isTrue();
            assertThat(settings.getClass(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                    .isEqualTo(LogAndContinueProcessingExceptionHandler.class);
            assertThat(logs.lines()).as("Kafka's warnings on the settings").noneMatch(line -> line.contains("GlobalThread"));
        }
    }

    /**
     * Kafka Streams reads the setting again where the settings object above never goes: its
     * partition assignor builds one from the main consumer's settings, and warned at every start.
     */
    @Test
    void kafkaStreamsBuiltWithTheseSettingsDoesNotWarnAboutTheGlobalThread(@TempDir Path dir) {
        GatewatchConfig config = ConfigLoader.build(Map.of("bootstrap.servers", "localhost:9092",
                "state.dir", dir.toString()));
        try (LogCapture logs = LogCapture.of(StreamsConfig.class);
             KafkaStreams streams = new KafkaStreams(GatewatchTopology.build(config, ClassificationData.defaults(),
                     new SimpleMeterRegistry()), StreamsSettings.of(config))) {
            assertThat(logs.lines()).as("Kafka's warnings while building the instance")
                    .noneMatch(line -> line.contains("GlobalThread"));
        }
    }

    /** What the tests above would see, were the setting missing: Kafka's warning at start. */
    @Test
    void withoutTheSettingKafkaWarnsAtStart() {
        try (LogCapture logs = LogCapture.of(StreamsConfig.class)) {
            streamsSettings(Map.of("bootstrap.servers", "localhost:9092",
                    StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "false"));
            assertThat(logs.lines()).anyMatch(line -> line.contains("GlobalThread"));
        }
    }

    @Test
    void producersBatchUpTo256KibUnlessTheUserChoseOtherwise() {
        assertThat(producerSettings(Map.of("bootstrap.servers", "localhost:9092")))
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        assertThat(producerSettings(Map.of("bootstrap.servers", "localhost:9092", "batch.size", "16384")))
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "16384");
    }

    @Test
    void producersCompressWithLz4UnlessTheUserChoseOtherwise() {
        assertThat(producerSettings(Map.of("bootstrap.servers", "localhost:9092")))
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        assertThat(producerSettings(Map.of("bootstrap.servers", "localhost:9092", "compression.type", "zstd")))
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        assertThat(producerSettings(Map.of("bootstrap.servers", "localhost:9092",
                "producer.compression.type", "none")))
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    }
}
