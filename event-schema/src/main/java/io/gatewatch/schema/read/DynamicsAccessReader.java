package io.gatewatch.schema.read;

import static io.gatewatch.schema.read.JsonFields.integer;
import static io.gatewatch.schema.read.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.schema.DynamicsAccessEvent;
import java.time.Instant;

/**
 * Reads a Dynamics 365 / Dataverse access event ({@code requestedUrl} marks one); id and time are
 * found as for sign-ins ({@link SignInEssentials}).
 */
final class DynamicsAccessReader {

    static final String FORMAT = DynamicsAccessEvent.SOURCE_FORMAT;

    private DynamicsAccessReader() {
    }

    static boolean looksLike(JsonNode record) {
        return record.has("requestedUrl");
    }

    static DynamicsAccessEvent read(JsonNode record) throws UnreadableRecordException {
        String id = SignInEssentials.id(record);
        Instant time = SignInEssentials.time(record);
        String url = text(record, "requestedUrl");
        if (url == null) {
            throw new UnreadableRecordException("record has no requestedUrl");
        }
        Integer errorCode = integer(record, "errorCode");
        return new DynamicsAccessEvent(id, time, TenantIds.normalise(text(record, "tenantId")),
                text(record, "userPrincipalName"), text(record, "ipAddress"), url,
                errorCode == null ? 0 : errorCode, text(record, "message"));
    }
}
