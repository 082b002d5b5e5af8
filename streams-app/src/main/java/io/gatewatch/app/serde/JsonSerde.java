package io.gatewatch.app.serde;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One JSON serde for all of Gatewatch's own types (events between stages, alerts, aggregates,
 * state). Raw input never goes through it: input is read by {@code RecordDecoder}, which
 * tolerates every export format and reports errors without the payload.
 */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final ObjectMapper mapper;

    private JsonSerde(Class<T> type, ObjectMapper mapper) {
        this.type = type;
        this.mapper = mapper;
    }

    /** JSON text: for topics other programs read (alerts, aggregates, classified events, orgs). */
    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type, JsonMappers.internal());
    }

    /** Smile (binary JSON) for internal topics and state stores: the same model at a fraction of the cost. */
    public static <T> JsonSerde<T> binary(Class<T> type) {
        return new JsonSerde<>(type, JsonMappers.internalBinary());
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return mapper.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName(), e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return mapper.readValue(bytes, type);
            } catch (IOException e) {
                // the cause's message may quote the payload; name the type and topic only
                throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic);
            }
        };
    }
}
