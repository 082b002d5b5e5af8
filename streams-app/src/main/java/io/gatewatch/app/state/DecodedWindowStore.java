package io.gatewatch.app.state;

import java.util.function.ToLongFunction;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The window-store form of {@link DecodedKeyValueStore}: single windows ({@code fetch(key, time)},
 * {@code put}) are served from values held decoded, by key and window start; every range read
 * writes the dirty windows below first and then reads below. Other threads (interactive queries)
 * read below, as of the last commit. {@link Timestamped} is the form over a timestamped store.
 */
public class DecodedWindowStore<V> extends DecodedStateStore<WindowStore<String, V>, String, V,
        DecodedWindowStore.WindowKey, V> implements WindowStore<String, V> {

    record WindowKey(String key, long start) {
    }

    DecodedWindowStore(WindowStore<String, V> below, DecodedMemory memory, ToLongFunction<V> weigher) {
        super(below, new DecodedEntries<>(memory, weigher));
        held.writeTo((window, value) -> below.put(window.key(), value, window.start()));
    }

    /** Over a timestamped store, as Kafka Streams must see it to give processors a timestamped view. */
    public static final class Timestamped<T> extends DecodedWindowStore<ValueAndTimestamp<T>>
            implements TimestampedWindowStore<String, T> {

        Timestamped(TimestampedWindowStore<String, T> below, DecodedMemory memory, ToLongFunction<T> weigher) {
            super(below, memory, timestamped -> weigher.applyAsLong(timestamped.value()));
        }
    }

    @Override
    public V fetch(String key, long windowStart) {
        if (!owned()) {
            return wrapped().fetch(key, windowStart);
        }
        WindowKey window = new WindowKey(key, windowStart);
        DecodedEntries.Held<V> entry = held.get(window);
        if (entry != null) {
            return entry.value();
        }
        V value = wrapped().fetch(key, windowStart);
        held.holdClean(window, value);
        return value;
    }

    @Override
    public void put(String key, V value, long windowStart) {
        requireOwner();
        held.put(new WindowKey(key, windowStart), value);
    }

    @Override
    public WindowStoreIterator<V> fetch(String key, long timeFrom, long timeTo) {
        writeBelow();
        return wrapped().fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(String key, long timeFrom, long timeTo) {
        writeBelow();
        return wrapped().backwardFetch(key, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> fetch(String keyFrom, String keyTo, long timeFrom, long timeTo) {
        writeBelow();
        return wrapped().fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> backwardFetch(String keyFrom, String keyTo, long timeFrom,
                                                               long timeTo) {
        writeBelow();
        return wrapped().backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> fetchAll(long timeFrom, long timeTo) {
        writeBelow();
        return wrapped().fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> backwardFetchAll(long timeFrom, long timeTo) {
        writeBelow();
        return wrapped().backwardFetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> all() {
        writeBelow();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> backwardAll() {
        writeBelow();
        return wrapped().backwardAll();
    }
}
