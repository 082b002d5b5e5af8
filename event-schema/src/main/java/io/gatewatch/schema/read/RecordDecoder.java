package io.gatewatch.schema.read;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.schema.InputEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one input value (a Kafka record value, a JSON line, one element of a file) into events,
 * detecting the format per record: an Azure Monitor {@code {"records":[...]}} envelope, a Graph
 * {@code {"value":[...]}} page, a JSON array of records, or a single Graph sign-in, Azure Monitor
 * record, Log Analytics row or Dynamics access event. Containers are split; every member is read
 * on its own, so one bad member does not cost its neighbours.
 */
public final class RecordDecoder {

    private final ObjectMapper mapper;
    private final EmbeddedJson embedded;
    private final ReaderLimits limits;
    private final List<RecordReader> readers;

    public RecordDecoder(ReaderLimits limits) {
        this.limits = limits;
        this.mapper = JsonMappers.forInput(limits);
        this.embedded = new EmbeddedJson(mapper);
        // the order matters: the most specific marks first, Graph's loose shape last
        this.readers = List.of(
                RecordReader.of("gatewatch", record -> record.has("kind"), RecordDecoder::canonical),
                RecordReader.of(DynamicsAccessReader.FORMAT, DynamicsAccessReader::looksLike, DynamicsAccessReader::read),
                RecordReader.of(AzureMonitorRecordReader.FORMAT, AzureMonitorRecordReader::looksLike,
                        record -> AzureMonitorRecordReader.read(record, embedded)),
                RecordReader.of(LogAnalyticsRowReader.FORMAT, LogAnalyticsRowReader::looksLike,
                        record -> LogAnalyticsRowReader.read(record, embedded, LogAnalyticsRowReader.FORMAT)),
                RecordReader.of(SignInMapper.GRAPH_FORMAT, SignInMapper::looksLikeGraph,
                        record -> SignInMapper.map(record, SignInMapper.GRAPH_FORMAT)));
    }

    public ReaderLimits limits() {
        return limits;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** Decodes raw bytes; {@code position} names the value (e.g. {@code line 7}) in every result. */
    public List<ReadResult> decode(byte[] value, String position) {
        if (value == null || value.length == 0) {
            return List.of(new ReadResult.Unreadable(position, "empty record"));
        }
        if (value.length > limits.maxRecordBytes()) {
            return List.of(new ReadResult.Unreadable(position,
                    "record of " + value.length + " bytes exceeds the limit of " + limits.maxRecordBytes()));
        }
        JsonNode node;
        try {
            node = mapper.readTree(value);
        } catch (StreamConstraintsException e) {
            return List.of(new ReadResult.Unreadable(position, "record exceeds a parser limit: " + limitName(e)));
        } catch (JacksonException e) {
            return List.of(new ReadResult.Unreadable(position, malformedReason(e)));
        } catch (IOException e) {
            return List.of(new ReadResult.Unreadable(position, "unreadable: " + e.getClass().getSimpleName()));
        }
        if (node == null || node.isMissingNode()) {
            return List.of(new ReadResult.Unreadable(position, "empty record"));
        }
        return decode(node, position);
    }

    /** Decodes an already parsed value. */
    public List<ReadResult> decode(JsonNode node, String position) {
        JsonNode members = containerMembers(node);
        if (members == null) {
            return List.of(decodeOne(node, position));
        }
        List<ReadResult> results = new ArrayList<>(members.size());
        int index = 0;
        for (JsonNode member : members) {
            index++;
            results.add(decodeOne(member, position + ", record " + index));
        }
        return results;
    }

    private static JsonNode containerMembers(JsonNode node) {
        if (node.isArray()) {
            return node;
        }
        if (node.isObject()) {
            JsonNode records = node.get("records");
            if (records != null && records.isArray()) {
                return records;
            }
            JsonNode value = node.get("value");
            if (value != null && value.isArray()) {
                return value;
            }
        }
        return null;
    }

    private ReadResult decodeOne(JsonNode record, String position) {
        try {
            return new ReadResult.Read(position, read(record));
        } catch (UnreadableRecordException e) {
            return new ReadResult.Unreadable(position, e.getMessage());
        }
    }

    /** Reads one record of any single-record format. */
    public InputEvent read(JsonNode record) throws UnreadableRecordException {
        if (!record.isObject()) {
            throw new UnreadableRecordException("expected a JSON object but found " + JsonFields.kind(record));
        }
        for (RecordReader reader : readers) {
            if (reader.looksLike(record)) {
                return reader.read(record);
            }
        }
        throw new UnreadableRecordException("unrecognised record format");
    }

    /**
     * Gatewatch's own event JSON (what {@code analyze} feeds the topology and what the classified
     * topic carries), marked by its {@code kind} property.
     */
    private static InputEvent canonical(JsonNode record) throws UnreadableRecordException {
        try {
            InputEvent event = JsonMappers.internal().treeToValue(record, InputEvent.class);
            if (event.id() == null || event.createdDateTime() == null) {
                throw new UnreadableRecordException("canonical event without id or createdDateTime");
            }
            return event;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new UnreadableRecordException("not a valid canonical Gatewatch event");
        }
    }

    /** A CSV row as an object of column to cell, read as a Log Analytics row. */
    InputEvent readCsvRow(JsonNode row) throws UnreadableRecordException {
        return LogAnalyticsRowReader.read(row, embedded, CsvExportReader.FORMAT);
    }

    /**
     * Jackson's own messages quote offending tokens, which can be a user name, so the reason is
     * built from the error's kind and location only.
     */
    static String malformedReason(JacksonException e) {
        if (e instanceof JsonEOFException) {
            return "truncated JSON (unexpected end of input)";
        }
        JsonLocation location = e.getLocation();
        long offset = location == null ? -1 : location.getCharOffset() >= 0
                ? location.getCharOffset() : location.getByteOffset();
        return offset >= 0 ? "malformed JSON at character " + offset : "malformed JSON";
    }

    static String limitName(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "unknown";
        }
        // Jackson's message names the limit and sizes only, e.g. "Document nesting depth (65) exceeds ..."
        int cut = message.indexOf(" (");
        return cut > 0 ? message.substring(0, cut).toLowerCase(Locale.ROOT) : "limit";
    }
}
