package io.gatewatch.app.serde;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes what {@link java.io.DataOutputStream} writes (big-endian numbers, modified UTF-8 strings)
 * into a growing byte array, without a stream call per field; the counterpart of {@link BinaryIn}.
 */
final class BinaryOut {

    private byte[] bytes;
    private int size;

    BinaryOut(int initialCapacity) {
        this.bytes = new byte[initialCapacity];
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

    void writeDouble(double value) {
        writeLong(Double.doubleToLongBits(value));
    }

    void write(byte[] value) {
        int at = reserve(value.length);
        System.arraycopy(value, 0, bytes, at, value.length);
    }

    void writeUTF(String value) throws IOException {
        // ASCII without NUL is the same in modified UTF-8 and UTF-8 (the JDK's encoder is an intrinsic); one
        // byte per character means ASCII, or a lone surrogate the encoder replaced with '?': those go the slow way
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == value.length() && utf8.length <= 0xFFFF && plain(utf8)) {
            writeShort(utf8.length);
            write(utf8);
            return;
        }
        // NUL and non-ASCII characters take other bytes; the JDK's encoder also refuses > 65,535
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(value.length() * 3 + 2);
        try (DataOutputStream out = new DataOutputStream(encoded)) {
            out.writeUTF(value);
        }
        write(encoded.toByteArray());
    }

    private static boolean plain(byte[] ascii) {
        for (byte b : ascii) {
            if (b == 0 || b == '?') {
                return false;
            }
        }
        return true;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
