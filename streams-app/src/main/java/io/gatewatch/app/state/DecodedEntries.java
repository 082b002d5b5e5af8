package io.gatewatch.app.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.KeyValue;

/**
 * Store values held decoded between commits, by key, least recently used first. A held entry is
 * clean (what the store below holds, absence included) or dirty (written here, not yet below).
 * Dirty entries go below when the task commits ({@link #flush}) or when the least recently used
 * ones must make room in the instance's {@link DecodedMemory}; until then a key read and written
 * by every event is neither decoded nor encoded again.
 */
final class DecodedEntries<K, V> {

    /** What a held entry costs beyond its value: the map node, the key, this holder. */
    private static final long ENTRY_BYTES = 160;

    /** A held value; {@code value} null means the key is known to be absent. */
    static final class Held<V> {
        private V value;
        private long bytes;

        V value() {
            return value;
        }
    }

    private final LinkedHashMap<K, Held<V>> held = new LinkedHashMap<>(256, 0.75f, true);
    /** The held entries not yet below, kept apart so a commit visits only them, not everything held. */
    private final Map<K, Held<V>> dirty = new LinkedHashMap<>();
    private final DecodedMemory memory;
    private final ToLongFunction<V> weigher;
    private BiConsumer<K, V> below = (key, value) -> {
        throw new IllegalStateException("no store to write to");
    };
    /** Where a commit's dirty entries go together, when the store below takes them at once; else one by one. */
    private Consumer<List<KeyValue<K, V>>> belowAll;

    /** @param weigher the heap a decoded value takes, roughly, in bytes */
    DecodedEntries(DecodedMemory memory, ToLongFunction<V> weigher) {
        this.memory = memory;
        this.weigher = weigher;
    }

    /** Where dirty entries go: a put, or a delete for null. */
    void writeTo(BiConsumer<K, V> below) {
        this.below = below;
    }

    /**
     * Where a commit's dirty entries go in one call (a key-value store's {@code putAll}: RocksDB
     * takes them as one write batch, not one write each); entries evicted between commits still go
     * one by one through {@link #writeTo}.
     */
    void writeAllTo(Consumer<List<KeyValue<K, V>>> belowAll) {
        this.belowAll = belowAll;
    }

    /** The held entry, or null when the key is not held (then read it below and {@link #holdClean} it). */
    Held<V> get(K key) {
        Held<V> entry = held.get(key);
        memory.read(entry != null);
        return entry;
    }

    void holdClean(K key, V value) {
        hold(key, value, false);
    }

    void put(K key, V value) {
        hold(key, value, true);
    }

    private void hold(K key, V value, boolean changed) {
        Held<V> entry = held.get(key);
        if (entry == null) {
            entry = new Held<>();
            held.put(key, entry);
        }
        long bytes = ENTRY_BYTES + (value == null ? 0 : weigher.applyAsLong(value));
        memory.add(bytes - entry.bytes);
        entry.value = value;
        entry.bytes = bytes;
        if (changed) {
            dirty.put(key, entry);
        }
        if (memory.over()) {
            makeRoom();
        }
    }

    /** Lets the least recently used entries go (dirty ones written below) while the instance is over its budget. */
    private void makeRoom() {
        Iterator<Map.Entry<K, Held<V>>> eldest = held.entrySet().iterator();
        while (memory.over() && held.size() > 1) { // the entry just used stays
            Map.Entry<K, Held<V>> entry = eldest.next();
            if (dirty.remove(entry.getKey()) != null) {
                below.accept(entry.getKey(), entry.getValue().value);
            }
            memory.add(-entry.getValue().bytes);
            eldest.remove();
        }
    }

    /** Writes every dirty entry below, in the order they first changed; all stay held, clean. */
    void flush() {
        if (belowAll != null && !dirty.isEmpty()) {
            List<KeyValue<K, V>> entries = new ArrayList<>(dirty.size());
            dirty.forEach((key, entry) -> entries.add(KeyValue.pair(key, entry.value)));
            belowAll.accept(entries);
        } else {
            dirty.forEach((key, entry) -> below.accept(key, entry.value));
        }
        dirty.clear();
    }

    /** Forgets everything held, dirty entries included (they were never committed). */
    void clear() {
        held.values().forEach(entry -> memory.add(-entry.bytes));
        held.clear();
        dirty.clear();
    }
}
