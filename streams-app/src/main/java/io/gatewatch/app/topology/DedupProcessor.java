package io.gatewatch.app.topology;

import io.gatewatch.schema.InputEvent;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an event whose {@code category + id} was already seen within the horizon around its event
 * time. Event Hubs delivers at least once, so the same row can come back hours later; the
 * correlationId is no key, since one sign-in legitimately spans several rows that share it.
 * The window store's retention bounds the state to one horizon of ids.
 *
 * <p>Each mark holds the offset of the record that made it, in this task's partition of the
 * by-tenant topic. Under {@code at_least_once} a crash replays input from the last commit while
 * the store, restored from its changelog, already holds the marks of that input — and an output
 * still in flight at the crash may be gone. Meeting its own mark at the same offset, a record is
 * a replay, not a duplicate, and goes through again: at least once, never lost. (Under
 * exactly-once the marks of uncommitted input are rolled back with it, so this never arises.)
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
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
        try (WindowStoreIterator<Long> earlier = seen.fetch(id, time - horizonMs, time + horizonMs)) {
            if (earlier.hasNext()) {
                if (offset < 0 || earlier.next().value != offset) {
                    counters.duplicate();
                    return;
                }
                context.forward(record); // a replay of the record that made the mark
                return;
            }
        }
        seen.put(id, offset, time);
        context.forward(record);
    }
}
