package io.gatewatch.bench;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.app.topology.StreamsSettings;
import io.gatewatch.kafka.TempDirectories;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The reference pipeline: the least a Kafka Streams application must do for the mission, with
 * Gatewatch's own Streams settings (same guarantee, threads, commit interval, caches, RocksDB
 * bound) — decode each record, re-key by tenant through one repartition topic (the same Smile
 * event serde), count per tenant per minute in a window store. What it reaches on the same topic
 * is what Gatewatch's classification, rules and operator state are measured against.
 */
final class ReferenceRun {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private ReferenceRun() {
    }

    static ThroughputRun.Result run(String bootstrap, String topicPrefix, long events, int partitions, int threads,
                                    Map<String, String> settings) throws Exception {
        return run(bootstrap, topicPrefix, events, partitions, threads, settings, true);
    }

    /** The reference over the topic until {@code events} have passed its repartition topic, untimed (as {@link ThroughputRun#warmUp}). */
    static void warmUp(String bootstrap, String topicPrefix, long events, int partitions, int threads,
                       Map<String, String> settings) throws Exception {
        run(bootstrap, topicPrefix, events, partitions, threads, settings, false);
    }

    private static ThroughputRun.Result run(String bootstrap, String topicPrefix, long events, int partitions,
                                            int threads, Map<String, String> settings, boolean timed) throws Exception {
        // each run its own group and internal topics: a second run under the first one's id would find its offsets at the end
        String applicationId = ThroughputRun.applicationId("bench-reference", RUNS.incrementAndGet());
        Map<String, String> values = ThroughputRun.baseConfig(bootstrap, applicationId, topicPrefix, partitions, threads);
        values.put("window.grace", "PT2H");
        values.putAll(settings);
        GatewatchConfig config = ConfigLoader.build(values);
        Properties props = StreamsSettings.of(config);
        props.put("state.dir", values.get("state.dir"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
             KafkaStreams streams = new KafkaStreams(topology(config), props)) {
            streams.start();
            ThreadCpu cpuAtStart = ThreadCpu.now();
            String input = config.topics().signinEvents().name();
            String byTenant = applicationId + "-by-tenant-repartition";
            if (!timed) {
                CommitClock.awaitCommitted(admin, applicationId, byTenant, events, Duration.ofMinutes(30));
                return null;
            }
            CommitClock.Timed clock = CommitClock.measure(admin, applicationId, byTenant, Set.of(input, byTenant),
                    events, Duration.ofMinutes(30));
            return ThroughputRun.Result.of(events, clock, streams, applicationId, new SimpleMeterRegistry(),
                    cpuAtStart);
        } finally {
            TempDirectories.deleteQuietly(Path.of(values.get("state.dir")));
        }
    }

    static Topology topology(GatewatchConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        builder.stream(config.topics().signinEvents().name(),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("source"))
                .process(() -> new DecodeByTenant(decoder), Named.as("decode"))
                .repartition(Repartitioned.<String, InputEvent>as("by-tenant")
                        .withKeySerde(Serdes.String()).withValueSerde(GatewatchSerdes.INPUT_EVENT))
                .groupByKey(Grouped.with("grouped", Serdes.String(), GatewatchSerdes.INPUT_EVENT))
                .windowedBy(TimeWindows.ofSizeAndGrace(config.windowSize(), config.grace()))
                .count(Named.as("count"), Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("tenant-minute-counts")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));
        return builder.build(StreamsSettings.of(config));
    }

    /** Each readable event, keyed by its tenant and stamped with its event time. */
    private static final class DecodeByTenant implements Processor<byte[], byte[], String, InputEvent> {

        private final RecordDecoder decoder;
        private ProcessorContext<String, InputEvent> context;

        DecodeByTenant(RecordDecoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public void init(ProcessorContext<String, InputEvent> context) {
            this.context = context;
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            for (ReadResult result : decoder.decode(record.value(), "record")) {
                if (result instanceof ReadResult.Read read && read.event().tenantId() != null) {
                    InputEvent event = read.event();
                    context.forward(new Record<>(event.tenantId(), event, event.createdDateTime().toEpochMilli()));
                }
            }
        }
    }
}
