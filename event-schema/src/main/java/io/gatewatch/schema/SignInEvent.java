package io.gatewatch.schema;

import java.time.Instant;
import java.util.List;

/**
 * The canonical Entra ID sign-in: the Microsoft Graph v1.0 {@code signIn} fields plus the beta
 * fields real exports carry. Every reader (Graph, Azure Monitor, Log Analytics JSON and CSV)
 * produces this one shape; everything but {@code id}, {@code createdDateTime} and
 * {@code errorCode} may be null.
 *
 * @param autonomousSystemNumber the autonomous system (AS) of {@code ipAddress} as Entra resolved it
 *                               (Graph beta {@code autonomousSystemNumber}, Int32; the Log Analytics
 *                               column {@code AutonomousSystemNumber}, a string); null when the
 *                               input carries none or a value that is not one
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
        Integer autonomousSystemNumber) implements InputEvent {

    public SignInEvent {
        riskEventTypes = riskEventTypes == null ? List.of() : List.copyOf(riskEventTypes);
        authenticationDetails = authenticationDetails == null ? List.of() : List.copyOf(authenticationDetails);
        appliedConditionalAccessPolicies = appliedConditionalAccessPolicies == null
                ? List.of() : List.copyOf(appliedConditionalAccessPolicies);
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
                homeTenantId, resourceTenantId, null);
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
                autonomousSystemNumber);
    }
}
