package io.gatewatch.schema.read;

import com.fasterxml.jackson.core.JacksonException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** How an input file is laid out, told from its first line. */
enum InputLayout {
    /** One record (or envelope, page, array) per line. */
    JSON_LINES,
    /** Pretty-printed JSON: one or more documents spanning many lines. */
    JSON_DOCUMENT,
    /** A Log Analytics portal export: a header row, then one sign-in per row. */
    CSV,
    EMPTY;

    /**
     * Peeks at the input and leaves it where it was (less a UTF-8 byte-order mark, which the
     * portal's exports carry). A first line that is a complete JSON value means JSON lines; one
     * that opens an object or array and stops means a pretty-printed document; anything not
     * starting with a brace or bracket is CSV.
     */
    static InputLayout detect(BufferedInputStream in, RecordDecoder decoder) throws IOException {
        int limit = decoder.limits().maxRecordBytes();
        in.mark(limit + 8);
        skipByteOrderMark(in);
        in.mark(limit + 8);
        int b = in.read();
        while (b >= 0 && Character.isWhitespace(b)) {
            b = in.read();
        }
        if (b < 0) {
            return EMPTY;
        }
        if (b != '{' && b != '[') {
            in.reset();
            return CSV;
        }
        ByteArrayOutputStream firstLine = new ByteArrayOutputStream();
        int read = 0;
        while (b >= 0 && b != '\n' && read < limit) {
            firstLine.write(b);
            read++;
            b = in.read();
        }
        in.reset();
        if (read >= limit) {
            return JSON_LINES;
        }
        String line = firstLine.toString(StandardCharsets.UTF_8).strip();
        if (parsesWhole(decoder, line)) {
            return JSON_LINES;
        }
        return line.endsWith("{") || line.endsWith("[") ? JSON_DOCUMENT : JSON_LINES;
    }

    private static boolean parsesWhole(RecordDecoder decoder, String line) {
        try {
            decoder.mapper().readTree(line);
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static void skipByteOrderMark(BufferedInputStream in) throws IOException {
        if (in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
            return;
        }
        in.reset();
    }
}
