package io.gatewatch.schema.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The project's ObjectMappers: one bounded for untrusted input, one for our own types. */
public final class JsonMappers {

    private static final ObjectMapper INTERNAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * The same model in Smile, Jackson's binary JSON: field names back-referenced, numbers and
     * byte arrays raw, nothing to tokenize. For internal topics and state stores only, where every
     * event is written and read again several times.
     */
    private static final ObjectMapper INTERNAL_BINARY = SmileMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonMappers() {
    }

    /** Our own types in Smile (binary JSON), for internal topics and stores. */
    public static ObjectMapper internalBinary() {
        return INTERNAL_BINARY;
    }

    /** Our own types (events, classifications, alerts, aggregates); ISO timestamps; unknown fields ignored. */
    public static ObjectMapper internal() {
        return INTERNAL;
    }

    /**
     * For hostile input: nesting, string and number sizes bounded, and parser errors that do not
     * quote the source (Jackson otherwise includes a snippet of the payload in its messages).
     */
    public static ObjectMapper forInput(ReaderLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxRecordBytes())
                        .maxNumberLength(64)
                        .build())
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        return JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
