package io.gatewatch.schema.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;

/**
 * Reads the JSON value at the parser's current token into a tree, but stops buffering once the
 * value spans more bytes than the record limit and skips the rest of it, so one huge element
 * of a big array or envelope cannot exhaust memory.
 */
final class BoundedTreeReader {

    /** The value was larger than the limit; it has been skipped. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private final ObjectMapper mapper;
    private final long maxBytes;

    BoundedTreeReader(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /** Reads the value starting at the current token; afterwards the parser is on its last token. */
    JsonNode read(JsonParser parser) throws IOException, TooLarge {
        long start = offset(parser);
        TokenBuffer copy = new TokenBuffer(mapper, false);
        int depth = 0;
        boolean tooLarge = false;
        JsonToken token = parser.currentToken();
        while (true) {
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
            if (!tooLarge) {
                copy.copyCurrentEvent(parser);
                tooLarge = offset(parser) - start > maxBytes;
            }
            if (depth == 0) {
                break;
            }
            token = parser.nextToken();
            if (token == null) {
                throw new JsonEOFException(parser, null, "unexpected end of input");
            }
        }
        if (tooLarge) {
            throw new TooLarge();
        }
        try (JsonParser replay = copy.asParser(mapper)) {
            return mapper.readTree(replay);
        }
    }

    private static long offset(JsonParser parser) {
        long bytes = parser.currentLocation().getByteOffset();
        return bytes >= 0 ? bytes : parser.currentLocation().getCharOffset();
    }
}
