package io.gatewatch.app.topology;

import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.rules.EventRuleEngine;
import io.gatewatch.rules.PerEventRules;
import io.gatewatch.rules.baseline.BaselineRules;
import io.gatewatch.rules.windowed.WindowedRuleEngine;
import io.gatewatch.rules.windowed.WindowedRules;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Alerts: classified events keyed by tenant → {@code Alert}s keyed by tenant on
 * {@code signin-alerts}, one per incident: the per-event rules (suppression store
 * {@code alert-suppression}) and the windowed rules (sliding windows in {@code rule-windows}).
 */
final class AlertStage {

    private AlertStage() {
    }

    static void build(StreamsBuilder builder, GatewatchConfig config, KStream<String, ClassifiedEvent> classified) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertProcessor.SUPPRESSION_STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WindowedRuleProcessor.STORE), Serdes.String(), GatewatchSerdes.ENTITY_WINDOW));
        KStream<String, Alert> perEvent = classified.processValues(
                () -> new AlertProcessor(new EventRuleEngine(PerEventRules.all(config.rules()))),
                Named.as("detect-per-event"), AlertProcessor.SUPPRESSION_STORE);
        KStream<String, Alert> windowed = classified.processValues(
                () -> new WindowedRuleProcessor(new WindowedRuleEngine(WindowedRules.all(config.rules()), config.grace())),
                Named.as("detect-windowed"), WindowedRuleProcessor.STORE);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(BaselineProcessor.STORE), Serdes.String(), GatewatchSerdes.BASELINE)
                .withCachingEnabled()); // every event updates its tenant's baseline: one changelog record per commit
        KStream<String, Alert> spikes = classified.processValues(
                () -> new BaselineProcessor(new BaselineRules(config.rules())),
                Named.as("detect-baseline-spikes"), BaselineProcessor.STORE);
        perEvent.merge(windowed, Named.as("merge-alerts"))
                .merge(spikes, Named.as("merge-spike-alerts"))
                .to(config.topics().alerts().name(), config.topics().alerts().produced("sink-alerts"));
    }
}
