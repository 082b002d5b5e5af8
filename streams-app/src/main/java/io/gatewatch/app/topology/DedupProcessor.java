package io.gatewatch.app.topology;

import io.gatewatch.schema.InputEvent;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an event whose {@code category + id} was already seen within the horizon around its event
 * time. Event Hubs delivers at least once, so the same row can come back hours later; the
 * correlationId is no key, since one sign-in legitimately spans several rows that share it.
 * The window store's retention bounds the state to one horizon of ids.
 */
final class DedupProcessor implements FixedKeyProcessor<String, InputEvent, InputEvent> {

    static final String STORE = "dedup-store";

    private final long horizonMs;
    private final IngestCounters counters;
    private FixedKeyProcessorContext<String, InputEvent> context;
    private WindowStore<String, Long> seen;

    DedupProcessor(Duration horizon, IngestCounters counters) {
        this.horizonMs = horizon.toMillis();
        this.counters = counters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, InputEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, InputEvent> record) {
        String id = record.key() + "|" + record.value().dedupKey();
        long time = record.timestamp();
        try (WindowStoreIterator<Long> earlier = seen.fetch(id, time - horizonMs, time + horizonMs)) {
            if (earlier.hasNext()) {
                counters.duplicate();
                return;
            }
        }
        seen.put(id, time, time);
        context.forward(record);
    }
}
