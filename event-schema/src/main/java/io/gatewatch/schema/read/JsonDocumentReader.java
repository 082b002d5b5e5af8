package io.gatewatch.schema.read;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Streams pretty-printed JSON documents: a root array, an Azure Monitor envelope's
 * {@code records} or a Graph page's {@code value} (an export can hold hundreds of thousands),
 * or single records, several documents in a row allowed. Each member is read within the record
 * limit. A syntax error ends the file: a streaming parser cannot find the next record after it.
 */
final class JsonDocumentReader {

    private final RecordDecoder decoder;
    private final BoundedTreeReader trees;
    private int record;
    /** Records handed on so far, read or not: what a cut-off file still gave. */
    private long handed;
    /** The position of the array member being read, null between members. */
    private String reading;

    JsonDocumentReader(RecordDecoder decoder) {
        this.decoder = decoder;
        this.trees = new BoundedTreeReader(decoder.mapper(), decoder.limits().maxRecordBytes());
    }

    void read(InputStream in, Consumer<ReadResult> results) throws IOException {
        Consumer<ReadResult> sink = result -> {
            handed++;
            results.accept(result);
        };
        try (JsonParser parser = decoder.mapper().createParser(in)) {
            try {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.START_ARRAY) {
                        readMembers(parser, sink);
                    } else if (token == JsonToken.START_OBJECT) {
                        readObject(parser, sink);
                    } else {
                        sink.accept(new ReadResult.Unreadable(nextPosition(parser), "expected a JSON object"));
                    }
                }
            } catch (StreamConstraintsException e) {
                sink.accept(new ReadResult.Unreadable(nextPosition(parser),
                        "record exceeds a parser limit: " + RecordDecoder.limitName(e) + "; rest of input not read"));
            } catch (JsonEOFException e) {
                // a file cut off while written or copied: what came before the cut was read, the rest is
                // gone, and how much that was nobody can tell; say so rather than only "truncated"
                String position = reading != null ? reading : nextPosition(parser);
                sink.accept(new ReadResult.Unreadable(position, RecordDecoder.malformedReason(e)
                        + ": the input ends here; the " + handed + " record(s) before were read, the rest is lost"));
            } catch (JacksonException e) {
                sink.accept(new ReadResult.Unreadable(nextPosition(parser),
                        RecordDecoder.malformedReason(e) + "; rest of input not read"));
            }
        }
    }

    private void readMembers(JsonParser parser, Consumer<ReadResult> sink) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            requireMore(parser, token);
            String position = nextPosition(parser);
            reading = position;
            try {
                decoder.decode(trees.read(parser), position).forEach(sink);
            } catch (BoundedTreeReader.TooLarge e) {
                sink.accept(tooLarge(position));
            }
            reading = null;
        }
    }

    /** Parser is on START_OBJECT: either a container whose array is streamed, or one record. */
    private void readObject(JsonParser parser, Consumer<ReadResult> sink) throws IOException {
        int startLine = parser.currentLocation().getLineNr();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        boolean container = false;
        boolean oversized = false;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            requireMore(parser, token);
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY && (name.equals("records") || name.equals("value"))) {
                container = true;
                readMembers(parser, sink);
            } else {
                try {
                    fields.set(name, trees.read(parser));
                } catch (BoundedTreeReader.TooLarge e) {
                    oversized = true;
                }
            }
        }
        if (!container) {
            record++;
            String position = "record " + record + " (line " + startLine + ")";
            if (oversized) {
                sink.accept(tooLarge(position));
            } else {
                decoder.decode(fields, position).forEach(sink);
            }
        }
    }

    private String nextPosition(JsonParser parser) {
        record++;
        return "record " + record + " (line " + parser.currentLocation().getLineNr() + ")";
    }

    private ReadResult tooLarge(String position) {
        return new ReadResult.Unreadable(position,
                "record exceeds the limit of " + decoder.limits().maxRecordBytes() + " bytes");
    }

    private static void requireMore(JsonParser parser, JsonToken token) throws JsonEOFException {
        if (token == null) {
            throw new JsonEOFException(parser, null, "unexpected end of input");
        }
    }
}
