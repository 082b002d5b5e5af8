package io.gatewatch.app.topology;

import io.gatewatch.detect.DedupIdentity;
import io.gatewatch.schema.InputEvent;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Drops an event already seen: the same {@code category + id} at the same second of event time,
 * within {@code dedup.horizon} of stream time. Event Hubs delivers at least once, so the same row
 * can come back hours later — with the same id and the same time; the correlationId is no key,
 * since one sign-in legitimately spans several rows that share it.
 *
 * <p>Marks are kept per tenant and second of event time ({@link SecondMarks}): the store is keyed
 * by the tenant with the second as window start, and its values are held decoded between commits,
 * so a tenant's busy second costs one changelog write per commit, not one per event. The window
 * store's retention bounds the state to the horizon.
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
    private WindowStore<String, byte[]> seen;

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
        String tenant = record.key();
        long hash = DedupIdentity.hash(tenant, record.value());
        long second = DedupIdentity.secondOf(record.timestamp());
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
        if (second <= context.currentStreamTimeMs() - horizonMs) {
            // past the horizon: neither looked up (the held values may still include the expired
            // second) nor marked (the store would drop it), as the offline engine does
            context.forward(record);
            return;
        }
        byte[] marks = seen.fetch(tenant, second);
        long markedAt = SecondMarks.offsetOf(marks, hash);
        if (markedAt != SecondMarks.ABSENT) {
            if (offset < 0 || markedAt != offset) {
                counters.duplicate();
                return;
            }
            context.forward(record); // a replay of the record that made the mark
            return;
        }
        seen.put(tenant, SecondMarks.with(marks, hash, offset), second);
        context.forward(record);
    }
}
