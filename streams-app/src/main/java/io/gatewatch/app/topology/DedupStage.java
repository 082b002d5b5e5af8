package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.state.DecodedMemory;
import io.gatewatch.app.state.DecodedStores;
import io.gatewatch.schema.InputEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Dedup: events keyed by tenant → the same events less duplicates (the same {@code category + id}
 * and second of event time within {@code dedup.horizon}, default 24 h), keyed by tenant. State:
 * {@code dedup-store}, a window store of one record per tenant and second (held decoded between
 * commits), kept for the horizon of stream time past the second (as the offline engine forgets ids).
 */
final class DedupStage {

    /** Heap a held second's marks take beyond their bytes: the array and its entry, about. */
    private static final long MARKS_BYTES = 64;

    private DedupStage() {
    }

    static KStream<String, InputEvent> build(StreamsBuilder builder, GatewatchConfig config, KStream<String, InputEvent> events,
                                             MeterRegistry registry, DecodedMemory memory) {
        // the current second's marks held between commits (Kafka Streams' byte cache did the same at
        // twice the cost: a cache name built and hashed on every read and write)
        builder.addStateStore(DecodedStores.window(
                Stores.persistentWindowStore(DedupProcessor.STORE, config.dedupHorizon(),
                        Duration.ofSeconds(1), false),
                Serdes.String(), Serdes.ByteArray(), memory, marks -> MARKS_BYTES + marks.length));
        return events.processValues(() -> new DedupProcessor(config.dedupHorizon(), new IngestCounters(registry)),
                Named.as("dedup"), DedupProcessor.STORE);
    }
}
