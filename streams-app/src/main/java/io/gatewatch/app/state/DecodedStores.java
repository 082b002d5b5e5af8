package io.gatewatch.app.state;

import java.util.function.ToLongFunction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.internals.KeyValueStoreBuilder;
import org.apache.kafka.streams.state.internals.TimestampedWindowStoreBuilder;
import org.apache.kafka.streams.state.internals.WindowStoreBuilder;

/**
 * Store builders for stores whose values stay decoded between commits ({@link DecodedKeyValueStore},
 * {@link DecodedWindowStore}). They extend Kafka Streams' own builders, so the changelog topic is
 * configured exactly as for the plain store (a window store's changelog keeps its retention); the
 * byte cache stays off, since the decoded values above it already collapse updates per commit.
 * {@code memory} bounds the heap the store's values take (all its tasks together), each value
 * weighed by {@code weigher}: roughly its decoded size in bytes. A memory {@linkplain DecodedMemory#held()
 * not held} ({@code state.cache=kafka}) gets Kafka Streams' own builders with the record cache on.
 *
 * <p>The builders and {@code WrappedStateStore} are Kafka Streams internals (public classes, not
 * public API), as are the {@code flushCache}/{@code clearCache} calls the stores rely on: a Kafka
 * upgrade must pass {@code DecodedStoresTest} and the crash and restart ITs before it lands.
 */
public final class DecodedStores {

    private DecodedStores() {
    }

    public static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(KeyValueBytesStoreSupplier supplier,
                                                                      Serde<String> keys, Serde<V> values,
                                                                      DecodedMemory memory, ToLongFunction<V> weigher) {
        if (!memory.held()) {
            return Stores.keyValueStoreBuilder(supplier, keys, values).withCachingEnabled();
        }
        return new KeyValueStoreBuilder<>(supplier, keys, values, Time.SYSTEM) {
            @Override
            public KeyValueStore<String, V> build() {
                return new DecodedKeyValueStore<>(super.build(), memory, weigher);
            }
        };
    }

    public static <V> StoreBuilder<TimestampedWindowStore<String, V>> timestampedWindow(
            WindowBytesStoreSupplier supplier, Serde<String> keys, Serde<V> values, DecodedMemory memory,
            ToLongFunction<V> weigher) {
        if (!memory.held()) {
            return Stores.timestampedWindowStoreBuilder(supplier, keys, values).withCachingEnabled();
        }
        return new TimestampedWindowStoreBuilder<>(supplier, keys, values, Time.SYSTEM) {
            @Override
            public TimestampedWindowStore<String, V> build() {
                return new DecodedWindowStore.Timestamped<>(super.build(), memory, weigher);
            }
        };
    }

    public static <V> StoreBuilder<WindowStore<String, V>> window(WindowBytesStoreSupplier supplier, Serde<String> keys,
                                                                  Serde<V> values, DecodedMemory memory,
                                                                  ToLongFunction<V> weigher) {
        if (!memory.held()) {
            return Stores.windowStoreBuilder(supplier, keys, values).withCachingEnabled();
        }
        return new WindowStoreBuilder<>(supplier, keys, values, Time.SYSTEM) {
            @Override
            public WindowStore<String, V> build() {
                return new DecodedWindowStore<>(super.build(), memory, weigher);
            }
        };
    }
}
