package io.gatewatch.app.topology;

import io.gatewatch.rules.DetectionTime;
import io.gatewatch.rules.windowed.EntityWindow;
import io.gatewatch.rules.windowed.WindowedRuleEngine;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.state.StateView;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Wires the {@link WindowedRuleEngine} into the topology: its windows live in the
 * {@code rule-windows} store (changelogged, so they survive restarts), and windows idle for
 * longer than the longest rule window plus grace are purged on stream time.
 */
final class WindowedRuleProcessor implements FixedKeyProcessor<String, ClassifiedEvent, Alert> {

    static final String STORE = "rule-windows";

    private final WindowedRuleEngine engine;
    private FixedKeyProcessorContext<String, Alert> context;
    private StateView<EntityWindow> windows;

    WindowedRuleProcessor(WindowedRuleEngine engine) {
        this.engine = engine;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        KeyValueStore<String, EntityWindow> store = context.getStateStore(STORE);
        this.windows = StateView.of(store::get, store::put);
        StorePurge.schedule(context, store, engine::idle);
    }

    @Override
    public void process(FixedKeyRecord<String, ClassifiedEvent> record) {
        for (Alert alert : engine.process(record.key(), record.value(), windows,
                DetectionTime.of(context.currentSystemTimeMs(), record.timestamp()))) {
            context.forward(record.withValue(alert));
        }
    }
}
