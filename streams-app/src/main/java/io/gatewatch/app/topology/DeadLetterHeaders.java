package io.gatewatch.app.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Headers of a dead-letter record. The names follow Kafka Streams' own dead-letter queue
 * (KIP-1034), so tooling that reads one reads the other; the payload is the raw input as received.
 */
final class DeadLetterHeaders {

    static final String EXCEPTION = "__streams.errors.exception";
    static final String MESSAGE = "__streams.errors.message";
    static final String TOPIC = "__streams.errors.topic";
    static final String PARTITION = "__streams.errors.partition";
    static final String OFFSET = "__streams.errors.offset";

    private DeadLetterHeaders() {
    }

    static Headers of(Headers original, String errorClass, String reason, RecordMetadata source) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.add(EXCEPTION, bytes(errorClass));
        headers.add(MESSAGE, bytes(reason));
        if (source != null) {
            headers.add(TOPIC, bytes(source.topic()));
            headers.add(PARTITION, bytes(String.valueOf(source.partition())));
            headers.add(OFFSET, bytes(String.valueOf(source.offset())));
        }
        return headers;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
