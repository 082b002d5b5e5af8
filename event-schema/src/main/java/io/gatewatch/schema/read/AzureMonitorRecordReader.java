package io.gatewatch.schema.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.schema.SignInEvent;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads one Azure Monitor diagnostic-export record (what Event Hubs delivers inside
 * {@code {"records":[...]}}): {@code properties} holds the Graph-shaped sign-in, the envelope
 * fields fill what it lacks. The envelope's {@code tenantId} wins: it is the tenant whose
 * diagnostic setting exported the log, which is the tenant the log belongs to. Envelope keys are
 * matched ignoring case: pipelines that re-serialise records (Logstash, some Event Hubs
 * consumers) lower-case them ({@code calleripaddress}, {@code operationname}).
 */
final class AzureMonitorRecordReader {

    static final String FORMAT = "azure-monitor";

    private AzureMonitorRecordReader() {
    }

    static boolean looksLike(JsonNode record) {
        JsonNode properties = envelope(record, "properties");
        return properties != null && (properties.isObject() || properties.isTextual())
                && (envelope(record, "category") != null || envelope(record, "operationName") != null
                || envelope(record, "resultType") != null);
    }

    static SignInEvent read(JsonNode record, EmbeddedJson embedded) throws UnreadableRecordException {
        JsonNode properties = embedded.expand(envelope(record, "properties"));
        if (!properties.isObject()) {
            throw new UnreadableRecordException("properties: expected an object but found "
                    + JsonFields.kind(properties));
        }
        // a shallow copy: only top-level fields are set below, and the nested objects (device,
        // location, policies: most of the record) are only read, so a deep copy would be wasted work
        ObjectNode signIn = ((ObjectNode) properties).objectNode().setAll((ObjectNode) properties);
        copy(record, "tenantId", signIn, "tenantId", true);
        copy(record, "category", signIn, "category", true);
        copy(record, "time", signIn, "time", false);
        copy(record, "resultType", signIn, "resultType", false);
        copy(record, "resultDescription", signIn, "resultDescription", false);
        copy(record, "callerIpAddress", signIn, "callerIpAddress", false);
        copy(record, "resultSignature", signIn, "resultSignature", false);
        copy(record, "correlationId", signIn, "correlationId", false);
        return SignInMapper.map(signIn, FORMAT);
    }

    private static void copy(JsonNode from, String fromField, ObjectNode to, String toField, boolean overwrite) {
        JsonNode value = envelope(from, fromField);
        if (value != null && !value.isNull() && (overwrite || !to.hasNonNull(toField))) {
            to.set(toField, value);
        }
    }

    /** The envelope field of that name in any case; an exact match wins. */
    private static JsonNode envelope(JsonNode record, String name) {
        JsonNode exact = record.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
