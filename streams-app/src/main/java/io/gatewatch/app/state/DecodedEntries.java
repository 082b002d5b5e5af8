package io.gatewatch.app.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Store values held decoded between commits, by key, least recently used first. A held entry is
 * clean (what the store below holds, absence included) or dirty (written here, not yet below).
 * Dirty entries go below when the task commits ({@link #flush}) or when the least recently used
 * one must make room; until then a key read and written by every event is neither decoded nor
 * encoded again.
 */
final class DecodedEntries<K, V> {

    /** A held value; {@code value} null means the key is known to be absent. */
    static final class Held<V> {
        private V value;
        private boolean dirty;

        V value() {
            return value;
        }
    }

    private final LinkedHashMap<K, Held<V>> held;
    private BiConsumer<K, V> below = (key, value) -> {
        throw new IllegalStateException("no store to write to");
    };
    private long hits;
    private long misses;

    DecodedEntries(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.held = new LinkedHashMap<>(Math.min(capacity, 1 << 12), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Held<V>> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                if (eldest.getValue().dirty) {
                    below.accept(eldest.getKey(), eldest.getValue().value);
                }
                return true;
            }
        };
    }

    /** Where dirty entries go: a put, or a delete for null. */
    void writeTo(BiConsumer<K, V> below) {
        this.below = below;
    }

    /** The held entry, or null when the key is not held (then read it below and {@link #holdClean} it). */
    Held<V> get(K key) {
        Held<V> entry = held.get(key);
        if (entry == null) {
            misses++;
        } else {
            hits++;
        }
        return entry;
    }

    void holdClean(K key, V value) {
        Held<V> entry = new Held<>();
        entry.value = value;
        held.put(key, entry);
    }

    void put(K key, V value) {
        Held<V> entry = held.get(key);
        if (entry == null) {
            entry = new Held<>();
            held.put(key, entry);
        }
        entry.value = value;
        entry.dirty = true;
    }

    /** Writes every dirty entry below, in the order they were last used; all stay held, clean. */
    void flush() {
        for (Map.Entry<K, Held<V>> entry : held.entrySet()) { // iterating does not reorder
            if (entry.getValue().dirty) {
                below.accept(entry.getKey(), entry.getValue().value);
                entry.getValue().dirty = false;
            }
        }
    }

    /** Forgets everything held, dirty entries included (they were never committed). */
    void clear() {
        held.clear();
    }

    int size() {
        return held.size();
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }
}
