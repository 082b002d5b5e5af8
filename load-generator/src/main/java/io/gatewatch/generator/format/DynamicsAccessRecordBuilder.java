package io.gatewatch.generator.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.generator.DynamicsAccessSpec;

/** Builds Dynamics 365 access events in the shape Gatewatch's Dynamics reader accepts. */
public final class DynamicsAccessRecordBuilder {

    /** Dataverse UserNotAssignedRoles. */
    public static final String MISSING_ROLE = "0x80042f09";
    /**
     * The failure the generator gives a request sent to the wrong regional host: Dataverse's generic
     * SQL error (0x80044150). Gatewatch tells a region mismatch by the host the URL names, never by
     * the code, so any failure code would do.
     */
    public static final int WRONG_REGION_FAILURE = -2147204784;

    private DynamicsAccessRecordBuilder() {
    }

    public static ObjectNode build(DynamicsAccessSpec spec) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("id", spec.id());
        record.put("createdDateTime", spec.time().toString());
        record.put("tenantId", spec.user().tenantId());
        record.put("userPrincipalName", spec.user().userPrincipalName());
        record.put("ipAddress", spec.ipAddress());
        record.put("requestedUrl", spec.url());
        if (spec.errorCode() instanceof Integer code) {
            record.put("errorCode", code);
        } else {
            record.put("errorCode", String.valueOf(spec.errorCode()));
        }
        if (spec.message() != null) {
            record.put("message", spec.message());
        }
        return record;
    }
}
