package io.gatewatch.rules.catalogue;

import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.NetworkLocation;
import io.gatewatch.schema.SignInEvent;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields a catalogue rule can test, by the name a rule file uses: the classification
 * (category, outcome, error code, fraud report) and every sign-in field Gatewatch keeps. A field
 * an event does not carry (a Dynamics request has no app) reads as absent.
 */
public enum EventField {
    CATEGORY("category", e -> e.classification().category().name()),
    OUTCOME("outcome", e -> e.classification().outcome().name()),
    ERROR_CODE("errorCode", e -> String.valueOf(e.classification().errorCode())),
    FRAUD_REPORTED("fraudReported", e -> String.valueOf(e.classification().fraudReported())),
    CREDENTIAL_VALIDATED("credentialValidated", e -> String.valueOf(e.classification().credentialValidated())),
    KIND("kind", e -> e.event() instanceof SignInEvent ? "signIn" : "dynamicsAccess"),
    LOG_CATEGORY("logCategory", e -> signIn(e, SignInEvent::logCategory)),
    USER("user", e -> e.event().userPrincipalName() == null ? null
            : e.event().userPrincipalName().toLowerCase(Locale.ROOT)),
    USER_TYPE("userType", e -> signIn(e, SignInEvent::userType)),
    ADDRESS("address", e -> e.event().ipAddress()),
    APP("app", e -> signIn(e, s -> s.appDisplayName() != null ? s.appDisplayName() : s.appId())),
    APP_ID("appId", e -> signIn(e, SignInEvent::appId)),
    RESOURCE("resource", e -> signIn(e, s -> s.resourceDisplayName() != null ? s.resourceDisplayName() : s.resourceId())),
    CLIENT_APP("clientApp", e -> signIn(e, SignInEvent::clientAppUsed)),
    INTERACTIVE("interactive", e -> signIn(e, s -> s.isInteractive() == null ? null : s.isInteractive().toString())),
    FAILURE_REASON("failureReason", e -> e.classification().failureReason()),
    ADDITIONAL_DETAILS("additionalDetails", e -> signIn(e, SignInEvent::additionalDetails)),
    CONDITIONAL_ACCESS_STATUS("conditionalAccessStatus", e -> signIn(e, SignInEvent::conditionalAccessStatus)),
    AUTHENTICATION_REQUIREMENT("authenticationRequirement", e -> signIn(e, SignInEvent::authenticationRequirement)),
    RISK_LEVEL("riskLevelDuringSignIn", e -> signIn(e, SignInEvent::riskLevelDuringSignIn)),
    RISK_LEVEL_AGGREGATED("riskLevelAggregated", e -> signIn(e, SignInEvent::riskLevelAggregated)),
    /**
     * The higher of riskLevelDuringSignIn and riskLevelAggregated (low, medium, high), for rules that,
     * like Panther's, take either; absent when neither says low, medium or high.
     */
    RISK_LEVEL_HIGHER("riskLevel", e -> signIn(e, s -> higher(s.riskLevelDuringSignIn(), s.riskLevelAggregated()))),
    RISK_STATE("riskState", e -> signIn(e, SignInEvent::riskState)),
    RISK_DETAIL("riskDetail", e -> signIn(e, SignInEvent::riskDetail)),
    COUNTRY("country", e -> signIn(e, s -> s.location() == null ? null : s.location().countryOrRegion())),
    CITY("city", e -> signIn(e, s -> s.location() == null ? null : s.location().city())),
    OPERATING_SYSTEM("operatingSystem", e -> signIn(e, s -> s.deviceDetail() == null ? null : s.deviceDetail().operatingSystem())),
    BROWSER("browser", e -> signIn(e, s -> s.deviceDetail() == null ? null : s.deviceDetail().browser())),
    HOME_TENANT("homeTenantId", e -> signIn(e, SignInEvent::homeTenantId)),
    RESOURCE_TENANT("resourceTenantId", e -> signIn(e, SignInEvent::resourceTenantId)),
    ORG_HOST("orgHost", e -> e.event() instanceof DynamicsAccessEvent d ? host(d) : null),
    REQUESTED_URL("requestedUrl", e -> e.event() instanceof DynamicsAccessEvent d ? d.requestedUrl() : null),
    SESSION_ID("sessionId", e -> signIn(e, SignInEvent::sessionId)),
    AUTHENTICATION_PROTOCOL("authenticationProtocol", e -> signIn(e, SignInEvent::authenticationProtocol)),
    ORIGINAL_TRANSFER_METHOD("originalTransferMethod", e -> signIn(e, SignInEvent::originalTransferMethod)),
    INCOMING_TOKEN_TYPE("incomingTokenType", e -> signIn(e, SignInEvent::incomingTokenType)),
    USER_AGENT("userAgent", e -> signIn(e, SignInEvent::userAgent)),
    AUTONOMOUS_SYSTEM_NUMBER("autonomousSystemNumber", e -> signIn(e, s -> s.autonomousSystemNumber() == null ? null
            : s.autonomousSystemNumber().toString())),
    MFA_METHOD("mfaMethod", e -> signIn(e, s -> s.mfaDetail() == null ? null : s.mfaDetail().authMethod())),
    DEVICE_COMPLIANT("deviceCompliant", e -> signIn(e, s -> s.deviceDetail() == null || s.deviceDetail().isCompliant() == null
            ? null : s.deviceDetail().isCompliant().toString())),
    DEVICE_MANAGED("deviceManaged", e -> signIn(e, s -> s.deviceDetail() == null || s.deviceDetail().isManaged() == null
            ? null : s.deviceDetail().isManaged().toString())),
    TRUST_TYPE("trustType", e -> signIn(e, s -> s.deviceDetail() == null ? null : s.deviceDetail().trustType())),
    /** The network types the address matched, comma-joined when several: one is tested with {contains: ...}. */
    NETWORK_TYPE("networkType", e -> signIn(e, s -> NetworkLocation.types(s.networkLocationDetails()))),
    TOKEN_ISSUER_TYPE("tokenIssuerType", e -> signIn(e, SignInEvent::tokenIssuerType)),
    APP_OWNER_TENANT("appOwnerTenantId", e -> signIn(e, SignInEvent::appOwnerTenantId)),
    SERVICE_PRINCIPAL_ID("servicePrincipalId", e -> signIn(e, SignInEvent::servicePrincipalId)),
    SERVICE_PRINCIPAL_NAME("servicePrincipalName", e -> signIn(e, SignInEvent::servicePrincipalName)),
    CLIENT_CREDENTIAL_TYPE("clientCredentialType", e -> signIn(e, SignInEvent::clientCredentialType));

    private final String yamlName;
    private final Function<ClassifiedEvent, String> read;

    EventField(String yamlName, Function<ClassifiedEvent, String> read) {
        this.yamlName = yamlName;
        this.read = read;
    }

    public String yamlName() {
        return yamlName;
    }

    /** The field's value in the event, or null when the event does not carry it. */
    public String read(ClassifiedEvent event) {
        return read.apply(event);
    }

    public static EventField named(String name) {
        for (EventField field : values()) {
            if (field.yamlName.equals(name)) {
                return field;
            }
        }
        return null;
    }

    static String allowed() {
        return Arrays.stream(values()).map(EventField::yamlName).collect(Collectors.joining(", "));
    }

    private static String signIn(ClassifiedEvent event, Function<SignInEvent, String> field) {
        InputEvent input = event.event();
        return input instanceof SignInEvent s ? field.apply(s) : null;
    }

    private static final java.util.List<String> RISK_LEVELS = java.util.List.of("low", "medium", "high");

    static String higher(String during, String aggregated) {
        int a = during == null ? -1 : RISK_LEVELS.indexOf(during.toLowerCase(Locale.ROOT));
        int b = aggregated == null ? -1 : RISK_LEVELS.indexOf(aggregated.toLowerCase(Locale.ROOT));
        int max = Math.max(a, b);
        return max < 0 ? null : RISK_LEVELS.get(max);
    }

    /** The Dynamics org host a request went to, lower-cased, as the Dynamics rules name it. */
    static String host(DynamicsAccessEvent event) {
        if (event.requestedUrl() == null) {
            return null;
        }
        try {
            String host = URI.create(event.requestedUrl().trim()).getHost();
            return host == null ? event.requestedUrl() : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "(unparsable URL)";
        }
    }
}
