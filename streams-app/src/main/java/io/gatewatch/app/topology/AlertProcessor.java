package io.gatewatch.app.topology;

import io.gatewatch.rules.DetectionTime;
import io.gatewatch.rules.EventRuleEngine;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.state.StateView;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Wires the per-event rules ({@link EventRuleEngine}) into the topology: the end of each live
 * incident (event time) lives in {@code alert-suppression}, purged once expired, so the store
 * holds only live incidents.
 */
final class AlertProcessor implements FixedKeyProcessor<String, ClassifiedEvent, Alert> {

    static final String SUPPRESSION_STORE = "alert-suppression";

    private final EventRuleEngine engine;
    private FixedKeyProcessorContext<String, Alert> context;
    private StateView<Long> suppressedUntil;

    AlertProcessor(EventRuleEngine engine) {
        this.engine = engine;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        KeyValueStore<String, Long> store = context.getStateStore(SUPPRESSION_STORE);
        this.suppressedUntil = StateView.of(store::get, store::put);
        StorePurge.schedule(context, store, (until, streamTime) -> until < streamTime);
    }

    @Override
    public void process(FixedKeyRecord<String, ClassifiedEvent> record) {
        for (Alert alert : engine.process(record.key(), record.value(), suppressedUntil,
                DetectionTime.of(context.currentSystemTimeMs(), record.timestamp()))) {
            context.forward(record.withValue(alert));
        }
    }
}
