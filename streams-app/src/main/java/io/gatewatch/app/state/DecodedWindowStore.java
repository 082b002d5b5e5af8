package io.gatewatch.app.state;

import java.util.function.ToLongFunction;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The (timestamped) window-store form of {@link DecodedKeyValueStore}: single windows ({@code fetch(key, time)},
 * {@code put}) are served from values held decoded, by key and window start; every range read
 * writes the dirty windows below first and then reads below. Other threads (interactive queries)
 * read below, as of the last commit.
 */
public final class DecodedWindowStore<T> extends DecodedStateStore<TimestampedWindowStore<String, T>, String,
        ValueAndTimestamp<T>, DecodedWindowStore.WindowKey, ValueAndTimestamp<T>>
        implements TimestampedWindowStore<String, T> {

    record WindowKey(String key, long start) {
    }

    DecodedWindowStore(TimestampedWindowStore<String, T> below, DecodedMemory memory, ToLongFunction<T> weigher) {
        super(below, new DecodedEntries<>(memory, timestamped -> weigher.applyAsLong(timestamped.value())));
        held.writeTo((window, value) -> below.put(window.key(), value, window.start()));
    }

    @Override
    public ValueAndTimestamp<T> fetch(String key, long windowStart) {
        if (!owned()) {
            return wrapped().fetch(key, windowStart);
        }
        WindowKey window = new WindowKey(key, windowStart);
        DecodedEntries.Held<ValueAndTimestamp<T>> entry = held.get(window);
        if (entry != null) {
            return entry.value();
        }
        ValueAndTimestamp<T> value = wrapped().fetch(key, windowStart);
        held.holdClean(window, value);
        return value;
    }

    @Override
    public void put(String key, ValueAndTimestamp<T> value, long windowStart) {
        requireOwner();
        held.put(new WindowKey(key, windowStart), value);
    }

    @Override
    public WindowStoreIterator<ValueAndTimestamp<T>> fetch(String key, long timeFrom, long timeTo) {
        writeBelow();
        return wrapped().fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<ValueAndTimestamp<T>> backwardFetch(String key, long timeFrom, long timeTo) {
        writeBelow();
        return wrapped().backwardFetch(key, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, ValueAndTimestamp<T>> fetch(String keyFrom, String keyTo, long timeFrom, long timeTo) {
        writeBelow();
        return wrapped().fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, ValueAndTimestamp<T>> backwardFetch(String keyFrom, String keyTo, long timeFrom,
                                                               long timeTo) {
        writeBelow();
        return wrapped().backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, ValueAndTimestamp<T>> fetchAll(long timeFrom, long timeTo) {
        writeBelow();
        return wrapped().fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, ValueAndTimestamp<T>> backwardFetchAll(long timeFrom, long timeTo) {
        writeBelow();
        return wrapped().backwardFetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, ValueAndTimestamp<T>> all() {
        writeBelow();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<Windowed<String>, ValueAndTimestamp<T>> backwardAll() {
        writeBelow();
        return wrapped().backwardAll();
    }
}
