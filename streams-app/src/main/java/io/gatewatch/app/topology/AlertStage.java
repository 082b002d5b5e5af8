package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.rules.PerEventRules;
import io.gatewatch.schema.ClassifiedEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Alerts: classified events keyed by tenant → {@code Alert}s keyed by tenant on
 * {@code signin-alerts}, one per incident. The windowed rules (brute force, spray, ...) plug in
 * here next to the per-event ones.
 */
final class AlertStage {

    private AlertStage() {
    }

    static void build(StreamsBuilder builder, GatewatchConfig config, KStream<String, ClassifiedEvent> classified) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertProcessor.SUPPRESSION_STORE), Serdes.String(), Serdes.Long()));
        classified.processValues(() -> new AlertProcessor(PerEventRules.all(config.rules())),
                        Named.as("detect-per-event"), AlertProcessor.SUPPRESSION_STORE)
                .to(config.topics().alerts(), Produced.with(Serdes.String(), GatewatchSerdes.ALERT).withName("sink-alerts"));
    }
}
