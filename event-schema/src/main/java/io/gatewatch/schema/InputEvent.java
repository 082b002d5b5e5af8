package io.gatewatch.schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One event read from an input topic or file: an Entra sign-in or a Dynamics 365 access.
 * The {@code kind} property tells the two apart when events travel as JSON between stages.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SignInEvent.class, name = "signIn"),
    @JsonSubTypes.Type(value = DynamicsAccessEvent.class, name = "dynamicsAccess")
})
public sealed interface InputEvent permits SignInEvent, DynamicsAccessEvent {

    String id();

    Instant createdDateTime();

    /** The Entra tenant whose logs these are; null when the input carries none. */
    String tenantId();

    String userPrincipalName();

    String ipAddress();

    /** 0 for success; Dynamics hex codes as their signed 32-bit value. */
    int errorCode();

    /** The input format the event was read from, e.g. {@code azure-monitor}. */
    String sourceFormat();

    /**
     * Identity for de-duplication: one sign-in shows up as several rows that share a
     * correlationId (MFA steps, CA policy splits), so the log category plus the row id is the key.
     */
    String dedupKey();

    /** The same event with the tenant filled in, for inputs (Graph v1.0) that carry none. */
    InputEvent withTenantId(String tenantId);
}
