package io.gatewatch.schema.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-separated records as bytes without ever holding more than the record limit:
 * a longer line is skipped to its end and reported by its length only. {@code BufferedReader}
 * would buffer a 50 MB line whole before we could refuse it.
 */
final class BoundedLineReader {

    /** One line: its bytes, or null with its length when it was over the limit. */
    record Line(long number, byte[] bytes, long length) {

        boolean oversized() {
            return bytes == null;
        }

        boolean blank() {
            if (bytes == null) {
                return false;
            }
            for (byte b : bytes) {
                if (!Character.isWhitespace(b)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long lineNumber;

    BoundedLineReader(InputStream bufferedInput, int maxBytes) {
        this.in = bufferedInput;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at end of input. */
    Line next() throws IOException {
        buffer.reset();
        long length = 0;
        int b = in.read();
        if (b < 0) {
            return null;
        }
        lineNumber++;
        while (b >= 0 && b != '\n') {
            if (length < maxBytes) {
                buffer.write(b);
            }
            length++;
            b = in.read();
        }
        if (length > maxBytes) {
            return new Line(lineNumber, null, length);
        }
        byte[] bytes = buffer.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            bytes = Arrays.copyOf(bytes, bytes.length - 1);
        }
        return new Line(lineNumber, bytes, length);
    }
}
