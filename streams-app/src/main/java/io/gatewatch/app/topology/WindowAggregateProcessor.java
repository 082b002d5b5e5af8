package io.gatewatch.app.topology;

import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.aggregate.WindowTimeline;
import io.gatewatch.schema.ClassifiedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each event into its tenant's window and emits windows as stream time closes them — and,
 * unlike a suppressed DSL aggregate, a window again, corrected, when an event arrives after it
 * closed. A replayed backlog whose partitions catch up at different speeds pushes stream time far
 * ahead of some records; those still count. Only events older than {@code aggregate.retention}
 * behind stream time are left out (counted, logged without payload). The window store doubles as
 * the buffer of open windows; how far windows have closed ({@link WindowTimeline}) is kept per task
 * in a one-key store, written once per closing step.
 */
final class WindowAggregateProcessor implements Processor<String, ClassifiedEvent, Windowed<String>, WindowUpdate> {

    static final String PROGRESS_STORE = "tenant-window-progress";
    private static final String PROGRESS_KEY = "closedBefore";
    private static final Logger LOG = LoggerFactory.getLogger(WindowAggregateProcessor.class);
    private static final long LOG_EVERY_MS = 60_000;

    private final WindowTimeline timeline;
    private final Counter expired;
    private final Counter corrections;
    private ProcessorContext<Windowed<String>, WindowUpdate> context;
    private TimestampedWindowStore<String, TenantWindowCounts> windows;
    private KeyValueStore<String, Long> progress;
    private long lastExpiredLog = Long.MIN_VALUE;

    WindowAggregateProcessor(WindowTimeline timeline, MeterRegistry registry) {
        this.timeline = timeline;
        this.expired = Counter.builder("gatewatch.aggregate.expired")
                .description("Events older than aggregate.retention behind stream time, left out of the aggregates")
                .register(registry);
        this.corrections = Counter.builder("gatewatch.aggregate.corrections")
                .description("Events that arrived after their window closed; the window was emitted again")
                .register(registry);
    }

    @Override
    public void init(ProcessorContext<Windowed<String>, WindowUpdate> context) {
        this.context = context;
        this.windows = context.getStateStore(AggregateStage.STORE);
        this.progress = context.getStateStore(PROGRESS_STORE);
        Long closedBefore = progress.get(PROGRESS_KEY);
        if (closedBefore != null) {
            timeline.restore(closedBefore);
        }
    }

    @Override
    public void process(Record<String, ClassifiedEvent> record) {
        WindowTimeline.Fate fate = timeline.observe(record.timestamp());
        if (fate == WindowTimeline.Fate.EXPIRED) {
            leftOut();
            return;
        }
        // before the put: a put far ahead lets the store drop segments past the retention, closed windows with them
        emitClosed(record.timestamp());
        long start = timeline.windowStart(record.timestamp());
        ValueAndTimestamp<TenantWindowCounts> previous = windows.fetch(record.key(), start);
        TenantWindowCounts counts = previous == null ? new TenantWindowCounts() : previous.value();
        counts.add(record.value());
        long timestamp = previous == null ? record.timestamp() : Math.max(previous.timestamp(), record.timestamp());
        windows.put(record.key(), ValueAndTimestamp.make(counts, timestamp), start);
        if (fate == WindowTimeline.Fate.LATE) {
            corrections.increment();
            TenantWindowCounts change = new TenantWindowCounts().add(record.value());
            context.forward(new Record<>(window(record.key(), start),
                    new WindowUpdate(counts, change, true, previous != null), record.timestamp()));
        }
    }

    private void emitClosed(long timestamp) {
        WindowTimeline.Closed closed = timeline.close();
        if (closed == null) {
            return;
        }
        List<KeyValue<Windowed<String>, ValueAndTimestamp<TenantWindowCounts>>> due = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, ValueAndTimestamp<TenantWindowCounts>> all =
                     windows.fetchAll(closed.fromMs(), closed.toMs() - 1)) {
            all.forEachRemaining(due::add);
        }
        // the store iterates tenant-major within a segment; emit by window start, then tenant, as offline does
        due.sort(Comparator.<KeyValue<Windowed<String>, ValueAndTimestamp<TenantWindowCounts>>>comparingLong(
                w -> w.key.window().start()).thenComparing(w -> w.key.key()));
        for (var window : due) {
            TenantWindowCounts counts = window.value.value();
            context.forward(new Record<>(window.key, new WindowUpdate(counts, counts, false, false), timestamp));
        }
        progress.put(PROGRESS_KEY, timeline.closedBefore());
    }

    private void leftOut() {
        expired.increment();
        long now = context.currentSystemTimeMs();
        if (now - lastExpiredLog >= LOG_EVERY_MS) {
            lastExpiredLog = now;
            LOG.warn("Events older than aggregate.retention behind stream time left out of the tenant aggregates "
                    + "(task {}, {} so far in this process); raise aggregate.retention to cover the longest backlog",
                    context.taskId(), (long) expired.count());
        }
    }

    private Windowed<String> window(String tenant, long start) {
        return new Windowed<>(tenant, new TenantWindow(start, start + timeline.sizeMs()));
    }

    /** A tenant's window as Kafka Streams' public {@link Window}; its own {@code TimeWindow} is internal. */
    private static final class TenantWindow extends Window {

        TenantWindow(long startMs, long endMs) {
            super(startMs, endMs);
        }

        @Override
        public boolean overlap(Window other) {
            return startMs < other.end() && other.start() < endMs;
        }
    }
}
