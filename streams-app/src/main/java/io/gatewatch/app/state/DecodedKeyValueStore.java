package io.gatewatch.app.state;

import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store whose values stay decoded between commits ({@link DecodedEntries}) above a
 * changelogged store without Kafka Streams' byte cache. Kafka Streams' record cache holds bytes,
 * so a value read and written by every event was decoded and encoded every time; here it is
 * decoded once when first read and encoded once per commit, when {@code flushCache} (called by the
 * task before its producer is flushed and its transaction committed) writes the dirty entries
 * below, all in one {@code putAll}. A dirty close discards them with the transaction they belonged to.
 *
 * <p>Only the stream thread that initialised the store sees the held values. Interactive queries
 * from other threads read the store below, as of the last commit; they never write. Range reads
 * and full scans write the dirty entries below first, so they see every change.
 */
public final class DecodedKeyValueStore<V>
        extends DecodedStateStore<KeyValueStore<String, V>, String, V, String, V> implements KeyValueStore<String, V> {

    DecodedKeyValueStore(KeyValueStore<String, V> below, DecodedMemory memory, ToLongFunction<V> weigher) {
        super(below, new DecodedEntries<>(memory, weigher));
        // put(key, null) deletes and, unlike delete, does not read back (and decode) the value it replaces;
        // so does a null in putAll, which RocksDB takes as one write batch per commit rather than a write per key
        held.writeTo(below::put);
        held.writeAllTo(below::putAll);
    }

    @Override
    public V get(String key) {
        if (!owned()) {
            return wrapped().get(key);
        }
        DecodedEntries.Held<V> entry = held.get(key);
        if (entry != null) {
            return entry.value();
        }
        V value = wrapped().get(key);
        held.holdClean(key, value);
        return value;
    }

    @Override
    public void put(String key, V value) {
        requireOwner();
        held.put(key, value);
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V present = get(key);
        if (present == null) {
            put(key, value);
        }
        return present;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(String key) {
        V present = get(key);
        put(key, null);
        return present;
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        writeBelow();
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        writeBelow();
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        writeBelow();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        writeBelow();
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
        writeBelow();
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        writeBelow();
        return wrapped().approximateNumEntries();
    }
}
