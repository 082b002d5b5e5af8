package io.gatewatch.app.serde;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Writes what {@link java.io.DataOutputStream} writes (big-endian numbers, modified UTF-8 strings)
 * into a growing byte array, without a stream call per field; the counterpart of {@link BinaryIn}.
 */
final class BinaryOut {

    private static final int KEPT_BYTES = 64 * 1024;

    private byte[] bytes;
    private int size;

    BinaryOut(int initialCapacity) {
        this.bytes = new byte[initialCapacity];
    }

    /** Empties this for the next value; a buffer grown past {@link #KEPT_BYTES} by a rare huge value is let go. */
    BinaryOut reset() {
        if (bytes.length > KEPT_BYTES) {
            bytes = new byte[KEPT_BYTES];
        }
        size = 0;
        return this;
    }

    private int reserve(int count) {
        if (size + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + count));
        }
        int at = size;
        size += count;
        return at;
    }

    void writeByte(int value) {
        int at = reserve(1); // before naming the array: reserve may replace it
        bytes[at] = (byte) value;
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    void writeShort(int value) {
        int at = reserve(2);
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
    }

    void writeInt(int value) {
        int at = reserve(4);
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    /** A non-negative count in 1 to 9 bytes, 7 bits a byte (LEB128): most counts of a window take one. */
    void writeCount(long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            writeByte((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        writeByte((int) rest);
    }

    void writeDouble(double value) {
        writeLong(Double.doubleToLongBits(value));
    }

    void write(byte[] value, int offset, int length) {
        int at = reserve(length);
        System.arraycopy(value, offset, bytes, at, length);
    }

    void write(byte[] value) {
        int at = reserve(value.length);
        System.arraycopy(value, 0, bytes, at, value.length);
    }

    void writeUTF(String value) throws IOException {
        // ASCII without NUL is one byte per character in modified UTF-8: copied straight into the array. A
        // commit encodes every string of every changed history and window, so no array per string
        int length = value.length();
        if (length <= 0xFFFF) {
            int at = reserve(2 + length);
            byte[] into = bytes;
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c == 0 || c >= 0x80) {
                    size = at; // take back the reservation: this string goes the JDK's way
                    writeEncoded(value);
                    return;
                }
                into[at + 2 + i] = (byte) c;
            }
            into[at] = (byte) (length >>> 8);
            into[at + 1] = (byte) length;
            return;
        }
        writeEncoded(value);
    }

    /** NUL, non-ASCII characters and lone surrogates take other bytes; the JDK's encoder also refuses > 65,535. */
    private void writeEncoded(String value) throws IOException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(value.length() * 3 + 2);
        try (DataOutputStream out = new DataOutputStream(encoded)) {
            out.writeUTF(value);
        }
        write(encoded.toByteArray());
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
