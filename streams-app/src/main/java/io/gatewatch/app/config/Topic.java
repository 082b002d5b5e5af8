package io.gatewatch.app.config;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** A topic's contract in one place: its name and the serdes of its keys and values. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    /** How a topology reads it, with the source named. */
    public Consumed<K, V> consumed(String sourceName) {
        return Consumed.with(keySerde, valueSerde).withName(sourceName);
    }

    /** How a topology writes it, with the sink named. */
    public Produced<K, V> produced(String sinkName) {
        return Produced.with(keySerde, valueSerde).withName(sinkName);
    }

    public V readValue(byte[] bytes) {
        return valueSerde.deserializer().deserialize(name, bytes);
    }
}
