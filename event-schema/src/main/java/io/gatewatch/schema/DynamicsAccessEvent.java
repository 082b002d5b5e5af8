package io.gatewatch.schema;

import java.time.Instant;

/**
 * A request to a Dynamics 365 / Dataverse organisation, as the Dynamics side logs it.
 * Entra's own sign-in to Dataverse usually succeeds, so the missing-role and wrong-region
 * failures are only visible here.
 */
public record DynamicsAccessEvent(
        String id,
        Instant createdDateTime,
        String tenantId,
        String userPrincipalName,
        String ipAddress,
        String requestedUrl,
        int errorCode,
        String message) implements InputEvent {

    public static final String SOURCE_FORMAT = "dynamics";

    @Override
    public String sourceFormat() {
        return SOURCE_FORMAT;
    }

    @Override
    public String dedupKey() {
        return SOURCE_FORMAT + ":" + id;
    }

    @Override
    public DynamicsAccessEvent withTenantId(String newTenantId) {
        return new DynamicsAccessEvent(id, createdDateTime, newTenantId, userPrincipalName, ipAddress,
                requestedUrl, errorCode, message);
    }
}
