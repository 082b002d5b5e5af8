package io.gatewatch.generator.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.generator.GeneratedEvent;
import io.gatewatch.generator.GeneratedRecord;
import io.gatewatch.generator.SignInSpec;
import java.util.function.Consumer;

/**
 * Turns generated events into JSON records of one format: one record per sign-in, or for Azure
 * Monitor, envelopes of up to {@code batchSize} sign-ins. A Dynamics access is always a record
 * of its own (it belongs to another input) and closes the envelope before it, so records stay in
 * event-time order.
 */
public final class JsonRecordEncoder {

    private final OutputFormat format;
    private final int batchSize;
    private ArrayNode batch = JsonNodeFactory.instance.arrayNode();

    public JsonRecordEncoder(OutputFormat format, int batchSize) {
        if (format == OutputFormat.CSV) {
            throw new IllegalArgumentException("CSV is not a JSON record format");
        }
        this.format = format;
        this.batchSize = batchSize;
    }

    public void encode(GeneratedEvent event, Consumer<GeneratedRecord> out) {
        if (event instanceof GeneratedEvent.DynamicsAccess dynamics) {
            flush(out); // keeps a file in event-time order
            out.accept(new GeneratedRecord(GeneratedRecord.Kind.DYNAMICS,
                    DynamicsAccessRecordBuilder.build(dynamics.spec()).toString()));
            return;
        }
        SignInSpec spec = ((GeneratedEvent.SignIn) event).spec();
        switch (format) {
            case GRAPH -> out.accept(signInRecord(GraphSignInBuilder.build(spec)));
            case LOG_ANALYTICS -> out.accept(signInRecord(LogAnalyticsRowBuilder.build(spec)));
            default -> {
                batch.add(AzureMonitorRecordBuilder.build(spec));
                if (batch.size() >= batchSize) {
                    flush(out);
                }
            }
        }
    }

    /** Emits a partly filled envelope. */
    public void flush(Consumer<GeneratedRecord> out) {
        if (!batch.isEmpty()) {
            ObjectNode envelope = JsonNodeFactory.instance.objectNode();
            envelope.set("records", batch);
            batch = JsonNodeFactory.instance.arrayNode();
            out.accept(signInRecord(envelope));
        }
    }

    private static GeneratedRecord signInRecord(ObjectNode node) {
        return new GeneratedRecord(GeneratedRecord.Kind.SIGN_IN, node.toString());
    }
}
