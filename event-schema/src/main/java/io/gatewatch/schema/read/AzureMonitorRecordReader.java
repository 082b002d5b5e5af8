package io.gatewatch.schema.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.schema.SignInEvent;

/**
 * Reads one Azure Monitor diagnostic-export record (what Event Hubs delivers inside
 * {@code {"records":[...]}}): {@code properties} holds the Graph-shaped sign-in, the envelope
 * fields fill what it lacks. The envelope's {@code tenantId} wins: it is the tenant whose
 * diagnostic setting exported the log, which is the tenant the log belongs to.
 */
final class AzureMonitorRecordReader {

    static final String FORMAT = "azure-monitor";

    private AzureMonitorRecordReader() {
    }

    static boolean looksLike(JsonNode record) {
        JsonNode properties = record.get("properties");
        return properties != null && (properties.isObject() || properties.isTextual())
                && (record.has("category") || record.has("operationName") || record.has("resultType"));
    }

    static SignInEvent read(JsonNode record, EmbeddedJson embedded) throws UnreadableRecordException {
        JsonNode properties = embedded.expand(record.get("properties"));
        if (!properties.isObject()) {
            throw new UnreadableRecordException("properties: expected an object but found "
                    + JsonFields.kind(properties));
        }
        ObjectNode signIn = ((ObjectNode) properties).deepCopy();
        copy(record, "tenantId", signIn, "tenantId", true);
        copy(record, "category", signIn, "category", true);
        copy(record, "time", signIn, "time", false);
        copy(record, "resultType", signIn, "resultType", false);
        copy(record, "resultDescription", signIn, "resultDescription", false);
        copy(record, "callerIpAddress", signIn, "callerIpAddress", false);
        copy(record, "correlationId", signIn, "correlationId", false);
        return SignInMapper.map(signIn, FORMAT);
    }

    private static void copy(JsonNode from, String fromField, ObjectNode to, String toField, boolean overwrite) {
        JsonNode value = from.get(fromField);
        if (value != null && !value.isNull() && (overwrite || !to.hasNonNull(toField))) {
            to.set(toField, value);
        }
    }
}
