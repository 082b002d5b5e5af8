package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.logging.LogCapture;
import io.gatewatch.app.logging.ProductionLayout;
import io.gatewatch.app.topology.StreamsSettings;
import io.gatewatch.kafka.KafkaBroker;
import io.gatewatch.kafka.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Kafka itself logs, not only Gatewatch's own lines: a real Kafka Streams instance with
 * Gatewatch's settings (its exception handlers, its thread-replacement handler) meets a record no
 * deserializer reads, a processor that fails on a record, and a stream thread that dies — each
 * exception quoting a user name and an address, as a parser's or a bug's message can. Every line
 * any logger writes meanwhile, rendered by the shipped logback.xml with its exceptions, must name
 * neither; the stream must go on past all three.
 */
@ExtendWith(KafkaBrokerExtension.class)
class LogPrivacyIT {

    private static final String USER = "victim@contoso.com";
    private static final String ADDRESS = "203.0.113.9";
    private static final AtomicBoolean DIED_ONCE = new AtomicBoolean();

    /** Reads text; fails on a record that starts with '{' the way a JSON parser does, quoting it. */
    public static final class QuotingDeserializer implements Deserializer<String> {
        @Override
        public String deserialize(String topic, byte[] data) {
            String text = new String(data, StandardCharsets.UTF_8);
            if (text.startsWith("{")) {
                throw new SerializationException("Unexpected character at [Source: (byte[])\"" + text + "\"; line: 1]");
            }
            return text;
        }
    }

    private static final class Failing implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, String> record) {
            if (record.value().equals("explode")) {
                throw new IllegalArgumentException("no tenant for " + USER + " signing in from " + ADDRESS);
            }
            if (record.value().equals("die") && DIED_ONCE.compareAndSet(false, true)) {
                throw new AssertionError("invariant broken by " + USER + " at " + ADDRESS);
            }
            context.forward(record);
        }
    }

    @Test
    void noLoggerWritesTheUserOrAddressOfABadRecord(KafkaBroker broker, @TempDir Path dir) throws Exception {
        GatewatchConfig config = ConfigLoader.build(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "application.id", "privacy-it", "state.dir", dir.toString(), "topic.dlq", "privacy-dlq"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("privacy-in", 1, (short) 1), new NewTopic("privacy-out", 1, (short) 1),
                    new NewTopic("privacy-dlq", 1, (short) 1))).all().get();
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("privacy-in", Consumed.with(Serdes.String(), Serdes.serdeFrom(new StringSerdeWriter(),
                        new QuotingDeserializer())).withName("privacy-source"))
                .process(Failing::new, org.apache.kafka.streams.kstream.Named.as("privacy-processor"))
                .to("privacy-out", Produced.with(Serdes.String(), Serdes.String()).withName("privacy-sink"));
        Properties props = StreamsSettings.of(config);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        ProductionLayout layout = ProductionLayout.load();
        try (LogCapture logs = LogCapture.all();
             KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.setUncaughtExceptionHandler(StreamThreadFailures.standard());
            streams.start();
            byte[][] values = {"{\"userPrincipalName\":\"victim@contoso.com\",\"ipAddress\":\"203.0.113.9\"}".getBytes(
                    StandardCharsets.UTF_8), "explode".getBytes(StandardCharsets.UTF_8),
                    "die".getBytes(StandardCharsets.UTF_8), "after".getBytes(StandardCharsets.UTF_8)};
            TestInput.produce(broker.bootstrapServers(), "privacy-in", List.of(values));
            try (TopicReader<String, String> out = new TopicReader<>(broker.bootstrapServers(), "privacy-out",
                    new StringDeserializer(), new StringDeserializer())) {
                assertThat(out.readUntil(read -> read.stream().anyMatch(r -> r.value().equals("after")),
                        Duration.ofMinutes(2))).as("the stream went on").isNotEmpty();
            }
            List<ILoggingEvent> events = logs.events();
            List<String> written = events.stream().map(layout::render).toList();
            assertThat(DIED_ONCE).as("a stream thread died").isTrue();
            assertThat(written).as("lines written (the handlers did log)").isNotEmpty();
            assertThat(written).allSatisfy(line -> assertThat(line).doesNotContain(USER).doesNotContain(ADDRESS));
        }
    }

    /** Writes text; only the producer side of the source's serde, never used by the topology. */
    public static final class StringSerdeWriter extends org.apache.kafka.common.serialization.StringSerializer {
    }
}
