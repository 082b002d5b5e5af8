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
 * that are dead at that time (an expired suppression, a window idle past every rule's reach).
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
                    if (dead.test(entry.value, streamTime)) {
                        store.delete(entry.key);
                    }
                }
            }
        });
    }
}
