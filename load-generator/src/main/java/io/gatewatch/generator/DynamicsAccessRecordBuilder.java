package io.gatewatch.generator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Builds Dynamics 365 access events in the shape Gatewatch's Dynamics reader accepts. */
public final class DynamicsAccessRecordBuilder {

    /** Dataverse UserNotAssignedRoles. */
    public static final String MISSING_ROLE = "0x80042f09";
    /** What a request to the wrong regional host typically ends in: organisation not found. */
    public static final int ORG_NOT_FOUND = -2147204784;

    private DynamicsAccessRecordBuilder() {
    }

    public static ObjectNode build(String id, Instant time, SyntheticUser user, String url, Object errorCode,
                                   String message) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("id", id);
        record.put("createdDateTime", time.toString());
        record.put("tenantId", user.tenantId());
        record.put("userPrincipalName", user.userPrincipalName());
        record.put("ipAddress", user.usualIp());
        record.put("requestedUrl", url);
        if (errorCode instanceof Integer code) {
            record.put("errorCode", code);
        } else {
            record.put("errorCode", String.valueOf(errorCode));
        }
        if (message != null) {
            record.put("message", message);
        }
        return record;
    }
}
