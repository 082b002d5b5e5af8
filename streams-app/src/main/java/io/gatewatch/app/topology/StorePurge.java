package io.gatewatch.app.topology;

import java.time.Duration;
import java.util.function.BiPredicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a key-value store to live entries: every ten minutes of stream time, deletes the entries
 * that are dead at that time (an expired suppression, a window idle past every rule's reach) and
 * those whose value could not be read.
 */
final class StorePurge {

    private static final Duration INTERVAL = Duration.ofMinutes(10);

    private StorePurge() {
    }

    /** @param dead true for a value that no longer matters at the given stream time */
    static <V> void schedule(ProcessingContext context, KeyValueStore<String, V> store, BiPredicate<V, Long> dead) {
        context.schedule(INTERVAL, PunctuationType.STREAM_TIME, streamTime -> {
            try (KeyValueIterator<String, V> all = store.all()) {
                while (all.hasNext()) {
                    KeyValue<String, V> entry = all.next();
                    // a value that could not be decoded reads as absent (UnreadableStoredValues): its key has
                    // started afresh, so it goes too, instead of stopping this pass at it every time. put(key,
                    // null) deletes and, unlike delete, does not read back (and decode) the value it replaces
                    if (entry.value == null || dead.test(entry.value, streamTime)) {
                        store.put(entry.key, null);
                    }
                }
            }
        });
    }
}
