package io.gatewatch.app.serde;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stored value that cannot be read — corrupt bytes, or a format written by a newer release
 * after a downgrade — is left out, not fatal: the key starts afresh (a user's windows, a tenant's
 * counts) and the stream goes on. Without this, every event of that key would fail on the read
 * and be skipped by the processing handler, for as long as the value stays. Each one is counted
 * ({@code gatewatch_state_unreadable_values_total}) and logged in one line without content: the
 * serdes' own messages name the store and format, never the value or key.
 */
public final class UnreadableStoredValues {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableStoredValues.class);
    private static final AtomicLong COUNT = new AtomicLong();

    private UnreadableStoredValues() {
    }

    /** {@code strict}, reading an unreadable value as absent. */
    public static <T> Serde<T> leftOut(Serde<T> strict) {
        return Serdes.serdeFrom(strict.serializer(), (topic, bytes) -> {
            try {
                return strict.deserializer().deserialize(topic, bytes);
            } catch (SerializationException | IndexOutOfBoundsException | IllegalArgumentException e) {
                COUNT.incrementAndGet();
                LOG.warn("A stored value could not be read ({}); it is left out and its key starts afresh",
                        e instanceof SerializationException ? e.getMessage() : e.getClass().getSimpleName());
                return null;
            }
        });
    }

    /** Values left out since start. */
    public static long count() {
        return COUNT.get();
    }
}
