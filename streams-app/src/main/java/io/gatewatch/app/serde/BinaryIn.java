package io.gatewatch.app.serde;

import io.gatewatch.state.SharedTexts;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link java.io.DataOutputStream} wrote (big-endian numbers, modified UTF-8 strings)
 * straight from a byte array. {@code DataInputStream} over a {@code ByteArrayInputStream} goes
 * through a synchronized stream call per field and a char buffer per string; store values are read
 * on every event, so this reader does neither, and strings of plain ASCII (user names, addresses,
 * ids) become Latin-1 strings in one copy.
 */
final class BinaryIn {

    private final byte[] bytes;
    private int position;

    BinaryIn(byte[] bytes) {
        this(bytes, 0);
    }

    /** Reads {@code bytes} from {@code position} on: one part of a value read before. */
    BinaryIn(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    /**
     * A count of elements read before the elements, checked against the bytes left (each element
     * takes one at least): a corrupt count must fail the read, not allocate a list of billions.
     */
    int readCount(int count) throws EOFException {
        if (count < 0 || count > bytes.length - position) {
            throw new EOFException();
        }
        return count;
    }

    /** The bytes read from: a value's decoded parts may keep pointing into them. */
    byte[] source() {
        return bytes;
    }

    int position() {
        return position;
    }

    /** Passes over a string without making it. */
    void skipUTF() throws IOException {
        take(readUnsignedShort());
    }

    private int take(int count) throws EOFException {
        if (count > bytes.length - position) {
            throw new EOFException();
        }
        int at = position;
        position += count;
        return at;
    }

    int readUnsignedByte() throws IOException {
        return bytes[take(1)] & 0xFF;
    }

    boolean readBoolean() throws IOException {
        return readUnsignedByte() != 0;
    }

    int readUnsignedShort() throws IOException {
        int at = take(2);
        return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }

    int readInt() throws IOException {
        int at = take(4);
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
                | bytes[at + 3] & 0xFF;
    }

    long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xFFFFFFFFL;
    }

    /** A count {@link BinaryOut#writeCount} wrote. */
    long readCount() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new EOFException();
    }

    double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    void readFully(byte[] into) throws IOException {
        System.arraycopy(bytes, take(into.length), into, 0, into.length);
    }

    String readUTF() throws IOException {
        return readUTF(false);
    }

    /** A string of a field whose values repeat (names, kinds): shared with earlier reads of the same text. */
    String readRepeatedUTF() throws IOException {
        return readUTF(true);
    }

    private String readUTF(boolean shared) throws IOException {
        int length = readUnsignedShort();
        int at = take(length);
        for (int i = at; i < at + length; i++) {
            if (bytes[i] < 0) { // a multi-byte character: the JDK's decoder, on just this string
                return DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(bytes, at - 2, length + 2)));
            }
        }
        return shared ? SharedTexts.ascii(bytes, at, length)
                : new String(bytes, at, length, StandardCharsets.ISO_8859_1);
    }
}
