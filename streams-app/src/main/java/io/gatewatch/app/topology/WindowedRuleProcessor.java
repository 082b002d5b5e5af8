package io.gatewatch.app.topology;

import io.gatewatch.rules.windowed.EntityWindow;
import io.gatewatch.rules.windowed.WindowedRuleEngine;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Wires the {@link WindowedRuleEngine} into the topology: its windows live in the
 * {@code rule-windows} store (changelogged, so they survive restarts), and windows idle for
 * longer than the longest rule window plus grace are purged on stream time.
 */
final class WindowedRuleProcessor implements FixedKeyProcessor<String, ClassifiedEvent, Alert> {

    static final String STORE = "rule-windows";
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
    private static final long LONGEST_WINDOW_MS = Duration.ofHours(48).toMillis();

    private final WindowedRuleEngine engine;
    private final long graceMs;
    private FixedKeyProcessorContext<String, Alert> context;
    private KeyValueStore<String, EntityWindow> windows;
    private WindowedRuleEngine.Windows storeView;

    WindowedRuleProcessor(WindowedRuleEngine engine, Duration grace) {
        this.engine = engine;
        this.graceMs = grace.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.windows = context.getStateStore(STORE);
        this.storeView = WindowedRuleEngine.Windows.of(windows::get, windows::put);
        context.schedule(PURGE_INTERVAL, PunctuationType.STREAM_TIME, this::purgeIdle);
    }

    @Override
    public void process(FixedKeyRecord<String, ClassifiedEvent> record) {
        Instant detectedAt = Instant.ofEpochMilli(Math.max(context.currentSystemTimeMs(), record.timestamp()));
        for (Alert alert : engine.process(record.key(), record.value(), storeView, detectedAt)) {
            context.forward(record.withValue(alert));
        }
    }

    private void purgeIdle(long streamTime) {
        try (KeyValueIterator<String, EntityWindow> all = windows.all()) {
            while (all.hasNext()) {
                KeyValue<String, EntityWindow> entry = all.next();
                if (entry.value.maxTimeMs < streamTime - LONGEST_WINDOW_MS - graceMs
                        && entry.value.suppressedUntilMs < streamTime) {
                    windows.delete(entry.key);
                }
            }
        }
    }
}
