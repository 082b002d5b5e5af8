package io.gatewatch.state;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Where the core keeps what it must remember between events, by key: a Kafka Streams state store
 * in the topology, a map offline and in tests. The core never sees which.
 */
public interface StateView<V> {

    V get(String key);

    void put(String key, V value);

    /** A view over a getter and a setter, e.g. a state store's {@code get} and {@code put}. */
    static <V> StateView<V> of(Function<String, V> get, BiConsumer<String, V> put) {
        return new StateView<>() {
            @Override
            public V get(String key) {
                return get.apply(key);
            }

            @Override
            public void put(String key, V value) {
                put.accept(key, value);
            }
        };
    }

    /** A view over a map. */
    static <V> StateView<V> of(Map<String, V> map) {
        return of(map::get, map::put);
    }
}
