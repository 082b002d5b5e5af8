package io.gatewatch.app.topology;

import io.gatewatch.rules.DetectionTime;
import io.gatewatch.rules.RuleEngine;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.state.StateView;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Wires one rule family of the core ({@link RuleEngine}) into the topology: its state lives in
 * its own changelogged store (so it survives restarts), and entries the family calls expired are
 * purged on stream time.
 */
final class RuleProcessor<S> implements FixedKeyProcessor<String, ClassifiedEvent, Alert> {

    private final String storeName;
    private final RuleEngine<S> engine;
    private FixedKeyProcessorContext<String, Alert> context;
    private StateView<S> state;

    RuleProcessor(String storeName, RuleEngine<S> engine) {
        this.storeName = storeName;
        this.engine = engine;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        KeyValueStore<String, S> store = context.getStateStore(storeName);
        this.state = StateView.of(store::get, store::put);
        StorePurge.schedule(context, store, engine::expired);
    }

    @Override
    public void process(FixedKeyRecord<String, ClassifiedEvent> record) {
        for (Alert alert : engine.process(record.key(), record.value(), state,
                DetectionTime.of(context.currentSystemTimeMs(), record.timestamp()))) {
            context.forward(record.withValue(alert));
        }
    }
}
