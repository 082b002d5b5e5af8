package io.gatewatch.app.topology;

import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.RecordDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one raw input record into events (an envelope or page gives several). Every event
 * leaves with its own event time as the record timestamp, so all later stages run on event time
 * without parsing the payload a second time. Each unreadable member leaves as a dead-letter
 * candidate carrying the raw input and the reason; the log line names position and reason only.
 */
final class DecodeProcessor implements FixedKeyProcessor<byte[], byte[], Decoded> {

    private static final Logger LOG = LoggerFactory.getLogger(DecodeProcessor.class);

    private final RecordDecoder decoder;
    private final String defaultTenant;
    private final long maxFutureMs;
    private final IngestCounters counters;
    private FixedKeyProcessorContext<byte[], Decoded> context;

    DecodeProcessor(RecordDecoder decoder, String defaultTenant, Duration maxFuture, MeterRegistry registry) {
        this.decoder = decoder;
        this.defaultTenant = defaultTenant;
        this.maxFutureMs = maxFuture.toMillis();
        this.counters = new IngestCounters(registry);
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Decoded> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        Optional<RecordMetadata> source = context.recordMetadata();
        String position = source.map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("record");
        for (ReadResult result : decoder.decode(record.value(), position)) {
            if (result instanceof ReadResult.Read read) {
                InputEvent event = read.event();
                if (event.tenantId() == null && defaultTenant != null) {
                    event = event.withTenantId(defaultTenant);
                }
                if (event.tenantId() == null) {
                    reject(record, source, "MissingTenant", result.position()
                            + ": record has no tenant (set default.tenant for Graph v1.0 input)");
                    continue;
                }
                long aheadMs = event.createdDateTime().toEpochMilli() - context.currentSystemTimeMs();
                if (aheadMs > maxFutureMs) {
                    // as a record timestamp it would be refused by the broker and stop the task
                    reject(record, source, "EventTimeInFuture", result.position() + ": event time is "
                            + Duration.ofMillis(aheadMs).toMinutes() + " min ahead of this host's clock (limit "
                            + Duration.ofMillis(maxFutureMs) + ", event.max-future)");
                    continue;
                }
                counters.decoded(source.map(RecordMetadata::topic).orElse("unknown"));
                context.forward(record.withValue(new Decoded(event, null))
                        .withTimestamp(event.createdDateTime().toEpochMilli()));
            } else if (result instanceof ReadResult.Unreadable bad) {
                reject(record, source, "UnreadableRecord", bad.position() + ": " + bad.reason());
            }
        }
    }

    private void reject(FixedKeyRecord<byte[], byte[]> record, Optional<RecordMetadata> source, String errorClass,
                        String reason) {
        counters.unreadable(source.map(RecordMetadata::topic).orElse("unknown"), errorClass);
        LOG.warn("Unreadable input sent to the dead-letter topic: {}", reason);
        context.forward(record.withValue(new Decoded(null, record.value()))
                .withHeaders(DeadLetterHeaders.of(record.headers(), errorClass, reason, source.orElse(null))));
    }
}
