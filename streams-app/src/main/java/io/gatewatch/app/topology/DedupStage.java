package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.schema.InputEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Dedup: events keyed by tenant → the same events less duplicates ({@code category + id} within
 * {@code dedup.horizon}, default 24 h), keyed by tenant. State: {@code dedup-store}, a window
 * store whose retention is the horizon.
 */
final class DedupStage {

    private DedupStage() {
    }

    static KStream<String, InputEvent> build(StreamsBuilder builder, GatewatchConfig config, KStream<String, InputEvent> events,
                                             MeterRegistry registry) {
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DedupProcessor.STORE, config.dedupHorizon().multipliedBy(2),
                        config.dedupHorizon().multipliedBy(2), false),
                Serdes.String(), Serdes.Long()));
        return events.processValues(() -> new DedupProcessor(config.dedupHorizon(), new IngestCounters(registry)),
                Named.as("dedup"), DedupProcessor.STORE);
    }
}
