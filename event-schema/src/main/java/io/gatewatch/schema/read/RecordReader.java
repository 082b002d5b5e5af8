package io.gatewatch.schema.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.schema.InputEvent;
import java.util.function.Predicate;

/**
 * One format of single input records: its name, whether a record looks like it, and how to read
 * it. {@link RecordDecoder} asks its readers in order and the first that recognises a record
 * reads it, so a new format is one more entry in that list.
 */
interface RecordReader {

    String format();

    boolean looksLike(JsonNode record);

    InputEvent read(JsonNode record) throws UnreadableRecordException;

    /** The reading half, which may refuse a record. */
    interface Read {
        InputEvent read(JsonNode record) throws UnreadableRecordException;
    }

    static RecordReader of(String format, Predicate<JsonNode> looksLike, Read read) {
        return new RecordReader() {
            @Override
            public String format() {
                return format;
            }

            @Override
            public boolean looksLike(JsonNode record) {
                return looksLike.test(record);
            }

            @Override
            public InputEvent read(JsonNode record) throws UnreadableRecordException {
                return read.read(record);
            }
        };
    }
}
