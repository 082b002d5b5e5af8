package io.gatewatch.app.serde;

import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A hand-written binary serde for a state store value read and written on every event. Profiling
 * showed reflective JSON (even binary Smile) of these values dominating the stream threads; a
 * field-by-field format costs a fraction. The first byte is a format version, so a later layout
 * can still read stores written by this one.
 */
public abstract class CompactSerde<T> implements Serde<T> {

    /**
     * One buffer per thread, kept between values: a history is a few kilobytes, and growing a fresh
     * array to that size for every value written at a commit was garbage the collector paid for.
     * No value is written inside another, so one buffer per thread is never in use twice.
     */
    private static final ThreadLocal<BinaryOut> BUFFERS = ThreadLocal.withInitial(() -> new BinaryOut(8192));

    private final String name;
    private final int version;

    protected CompactSerde(String name, int version) {
        this.name = name;
        this.version = version;
    }

    /** The format this serde writes (and the newest it reads); the first byte of every value. */
    public int version() {
        return version;
    }

    protected abstract void write(T value, BinaryOut out) throws IOException;

    protected abstract T read(BinaryIn in, int version) throws IOException;

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            BinaryOut out = BUFFERS.get().reset();
            try {
                out.writeByte(version);
                write(value, out);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + name, e);
            }
            return out.toByteArray();
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                BinaryIn in = new BinaryIn(bytes);
                int stored = in.readUnsignedByte();
                if (stored > version) {
                    throw new SerializationException(name + " written in format " + stored + ", newer than " + version);
                }
                return read(in, stored);
            } catch (IOException e) {
                // no cause: nothing of the (personal) content may reach a log
                throw new SerializationException("cannot read " + name + " from " + topic);
            }
        };
    }

    protected static void writeString(BinaryOut out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    protected static String readString(BinaryIn in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** As {@link #readString}, for a field whose values repeat across users: one string per distinct text. */
    protected static String readRepeatedString(BinaryIn in) throws IOException {
        return in.readBoolean() ? in.readRepeatedUTF() : null;
    }
}
