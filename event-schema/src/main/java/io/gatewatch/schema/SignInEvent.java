package io.gatewatch.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The canonical Entra ID sign-in: the Microsoft Graph v1.0 {@code signIn} fields plus the beta
 * fields real exports carry. Every reader (Graph, Azure Monitor, Log Analytics JSON and CSV)
 * produces this one shape; everything but {@code id}, {@code createdDateTime} and
 * {@code errorCode} may be null.
 *
 * <p>Every field from {@code sessionId} on is left out of Gatewatch's own JSON when absent, so an
 * event without them is no larger than before, and an event written before they existed reads
 * with them null (lists empty). An input value of an unexpected shape in one of them reads as
 * absent: it costs the field, never the sign-in.
 *
 * <p>A workload identity's sign-in ({@link #workloadIdentity()}: a service principal or a managed
 * identity) names no user. Its principal is {@code servicePrincipalId} / {@code servicePrincipalName};
 * the readers leave the user fields null whatever the record holds, and the user-scoped rules,
 * counts and the diagnosis leave it out.
 *
 * @param autonomousSystemNumber the autonomous system (AS) of {@code ipAddress} as Entra resolved it
 *                               (Graph beta {@code autonomousSystemNumber}, Int32; the Log Analytics
 *                               column {@code AutonomousSystemNumber}, a string); null when the
 *                               input carries none or a value that is not one
 * @param sessionId              the Entra session the sign-in belongs to (Graph beta {@code sessionId},
 *                               column {@code SessionId}): an interactive sign-in and the sign-ins
 *                               refreshed from it share it
 * @param uniqueTokenIdentifier  the request's token identifier (base64), as resource logs name it
 * @param authenticationProtocol {@code none}, {@code oAuth2}, {@code ropc}, {@code wsFederation},
 *                               {@code saml20}, {@code deviceCode}, ... as Entra spells it
 * @param originalTransferMethod how the session was first started: {@code none},
 *                               {@code deviceCodeFlow}, {@code authenticationTransfer}
 * @param incomingTokenType      the token presented to sign in ({@code none},
 *                               {@code primaryRefreshToken}, {@code refreshToken}, {@code saml20}, ...)
 * @param tokenIssuerType        {@code AzureAD}, {@code ADFederationServices}, ...
 * @param userAgent              the client's user agent string
 * @param mfaDetail              the MFA method and detail; null when the record has none (or {@code {}})
 * @param networkLocationDetails the named or trusted networks the address matched; empty when none
 * @param conditionalAccessAudiences the application ids Conditional Access evaluated the sign-in
 *                               for (Graph's {@code [{"applicationId": ...}]}, or a list of ids)
 * @param appOwnerTenantId       the tenant that registered the signing-in application
 * @param servicePrincipalId     the service principal (or managed identity) that signed in; user
 *                               sign-ins through an application may carry the application's too
 * @param servicePrincipalName   its name
 * @param clientCredentialType   what the client proved itself with: {@code clientSecret},
 *                               {@code certificate}, {@code clientAssertion},
 *                               {@code federatedIdentityCredential}, {@code managedIdentity}, {@code none}
 * @param homeTenantName         the name of the user's home tenant (Graph {@code homeTenantName}, column
 *                               {@code HomeTenantName}), where that tenant consented to show it
 */
public record SignInEvent(
        String id,
        Instant createdDateTime,
        String tenantId,
        String sourceFormat,
        /* SignInLogs, NonInteractiveUserSignInLogs, ServicePrincipalSignInLogs, ManagedIdentitySignInLogs */
        String logCategory,
        String userPrincipalName,
        String userId,
        String userDisplayName,
        String userType,
        String appId,
        String appDisplayName,
        String resourceId,
        String resourceDisplayName,
        String ipAddress,
        String clientAppUsed,
        String correlationId,
        Boolean isInteractive,
        int errorCode,
        String failureReason,
        String additionalDetails,
        String conditionalAccessStatus,
        String riskLevelDuringSignIn,
        String riskLevelAggregated,
        String riskState,
        String riskDetail,
        List<String> riskEventTypes,
        GeoLocation location,
        DeviceDetail deviceDetail,
        String authenticationRequirement,
        List<AuthenticationStep> authenticationDetails,
        List<AppliedPolicy> appliedConditionalAccessPolicies,
        String homeTenantId,
        String resourceTenantId,
        Integer autonomousSystemNumber,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String sessionId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String uniqueTokenIdentifier,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String authenticationProtocol,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String originalTransferMethod,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String incomingTokenType,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String tokenIssuerType,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String userAgent,
        @JsonInclude(JsonInclude.Include.NON_NULL) MfaDetail mfaDetail,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NetworkLocation> networkLocationDetails,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> conditionalAccessAudiences,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String appOwnerTenantId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String servicePrincipalId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String servicePrincipalName,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String clientCredentialType,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String homeTenantName) implements InputEvent {

    /**
     * The log categories of workload identities (apps and managed identities), whose sign-ins
     * involve no user: Entra's diagnostic categories, as Azure Monitor records and the Log
     * Analytics tables ({@code AADServicePrincipalSignInLogs}, {@code AADManagedIdentitySignInLogs})
     * name them.
     */
    public static final Set<String> WORKLOAD_CATEGORIES = Set.of("ServicePrincipalSignInLogs",
            "ManagedIdentitySignInLogs", "MicrosoftServicePrincipalSignInLogs");

    public SignInEvent {
        riskEventTypes = riskEventTypes == null ? List.of() : List.copyOf(riskEventTypes);
        authenticationDetails = authenticationDetails == null ? List.of() : List.copyOf(authenticationDetails);
        appliedConditionalAccessPolicies = appliedConditionalAccessPolicies == null
                ? List.of() : List.copyOf(appliedConditionalAccessPolicies);
        networkLocationDetails = networkLocationDetails == null ? List.of() : List.copyOf(networkLocationDetails);
        conditionalAccessAudiences = conditionalAccessAudiences == null
                ? List.of() : List.copyOf(conditionalAccessAudiences);
    }

    /**
     * A sign-in as every input had it before the session, token, client, workload-identity and
     * home-tenant-name fields were kept: those read as absent.
     */
    public SignInEvent(String id, Instant createdDateTime, String tenantId, String sourceFormat, String logCategory,
            String userPrincipalName, String userId, String userDisplayName, String userType, String appId,
            String appDisplayName, String resourceId, String resourceDisplayName, String ipAddress,
            String clientAppUsed, String correlationId, Boolean isInteractive, int errorCode, String failureReason,
            String additionalDetails, String conditionalAccessStatus, String riskLevelDuringSignIn,
            String riskLevelAggregated, String riskState, String riskDetail, List<String> riskEventTypes,
            GeoLocation location, DeviceDetail deviceDetail, String authenticationRequirement,
            List<AuthenticationStep> authenticationDetails, List<AppliedPolicy> appliedConditionalAccessPolicies,
            String homeTenantId, String resourceTenantId, Integer autonomousSystemNumber) {
        this(id, createdDateTime, tenantId, sourceFormat, logCategory, userPrincipalName, userId, userDisplayName,
                userType, appId, appDisplayName, resourceId, resourceDisplayName, ipAddress, clientAppUsed,
                correlationId, isInteractive, errorCode, failureReason, additionalDetails, conditionalAccessStatus,
                riskLevelDuringSignIn, riskLevelAggregated, riskState, riskDetail, riskEventTypes, location,
                deviceDetail, authenticationRequirement, authenticationDetails, appliedConditionalAccessPolicies,
                homeTenantId, resourceTenantId, autonomousSystemNumber, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** A sign-in without an autonomous system number, as every input had before exports carried one. */
    public SignInEvent(String id, Instant createdDateTime, String tenantId, String sourceFormat, String logCategory,
            String userPrincipalName, String userId, String userDisplayName, String userType, String appId,
            String appDisplayName, String resourceId, String resourceDisplayName, String ipAddress,
            String clientAppUsed, String correlationId, Boolean isInteractive, int errorCode, String failureReason,
            String additionalDetails, String conditionalAccessStatus, String riskLevelDuringSignIn,
            String riskLevelAggregated, String riskState, String riskDetail, List<String> riskEventTypes,
            GeoLocation location, DeviceDetail deviceDetail, String authenticationRequirement,
            List<AuthenticationStep> authenticationDetails, List<AppliedPolicy> appliedConditionalAccessPolicies,
            String homeTenantId, String resourceTenantId) {
        this(id, createdDateTime, tenantId, sourceFormat, logCategory, userPrincipalName, userId, userDisplayName,
                userType, appId, appDisplayName, resourceId, resourceDisplayName, ipAddress, clientAppUsed,
                correlationId, isInteractive, errorCode, failureReason, additionalDetails, conditionalAccessStatus,
                riskLevelDuringSignIn, riskLevelAggregated, riskState, riskDetail, riskEventTypes, location,
                deviceDetail, authenticationRequirement, authenticationDetails, appliedConditionalAccessPolicies,
                homeTenantId, resourceTenantId, (Integer) null);
    }

    /**
     * True for a service principal's or managed identity's sign-in (a {@link #WORKLOAD_CATEGORIES}
     * log category): no user signed in, so the user-scoped rules, counts and the diagnosis leave it out.
     */
    public boolean workloadIdentity() {
        return workloadCategory(logCategory);
    }

    /** True for the log categories of workload identities (apps and managed identities). */
    public static boolean workloadCategory(String logCategory) {
        return logCategory != null && WORKLOAD_CATEGORIES.contains(logCategory);
    }

    @Override
    public String dedupKey() {
        return (logCategory == null ? "SignInLogs" : logCategory) + ":" + id;
    }

    @Override
    public SignInEvent withTenantId(String newTenantId) {
        return new SignInEvent(id, createdDateTime, newTenantId, sourceFormat, logCategory, userPrincipalName,
                userId, userDisplayName, userType, appId, appDisplayName, resourceId, resourceDisplayName,
                ipAddress, clientAppUsed, correlationId, isInteractive, errorCode, failureReason,
                additionalDetails, conditionalAccessStatus, riskLevelDuringSignIn, riskLevelAggregated,
                riskState, riskDetail, riskEventTypes, location, deviceDetail, authenticationRequirement,
                authenticationDetails, appliedConditionalAccessPolicies, homeTenantId, resourceTenantId,
                autonomousSystemNumber, sessionId, uniqueTokenIdentifier, authenticationProtocol,
                originalTransferMethod, incomingTokenType, tokenIssuerType, userAgent, mfaDetail,
                networkLocationDetails, conditionalAccessAudiences, appOwnerTenantId, servicePrincipalId,
                servicePrincipalName, clientCredentialType, homeTenantName);
    }

    /**
     * The name Entra gives the sign-in's own tenant, when the record carries one: the home tenant's
     * name ({@code homeTenantName}, filled only where that tenant consented to show it) of a user who
     * is a member of the tenant signed in to. A guest's home tenant is another tenant: null.
     */
    public String ownTenantName() {
        return homeTenantName == null || homeTenantName.isBlank() || homeTenantId == null
                || !homeTenantId.equalsIgnoreCase(tenantId) ? null : homeTenantName.strip();
    }
}
