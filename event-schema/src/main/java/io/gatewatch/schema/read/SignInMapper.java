package io.gatewatch.schema.read;

import static io.gatewatch.schema.read.JsonFields.array;
import static io.gatewatch.schema.read.JsonFields.bool;
import static io.gatewatch.schema.read.JsonFields.decimal;
import static io.gatewatch.schema.read.JsonFields.object;
import static io.gatewatch.schema.read.JsonFields.text;
import static io.gatewatch.schema.read.LenientFields.audiences;
import static io.gatewatch.schema.read.LenientFields.autonomousSystemNumber;
import static io.gatewatch.schema.read.LenientFields.mfaDetail;
import static io.gatewatch.schema.read.LenientFields.networkLocations;
import static io.gatewatch.schema.read.LenientFields.optionalBool;
import static io.gatewatch.schema.read.LenientFields.optionalText;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.schema.AppliedPolicy;
import io.gatewatch.schema.AuthenticationStep;
import io.gatewatch.schema.DeviceDetail;
import io.gatewatch.schema.GeoLocation;
import io.gatewatch.schema.SignInEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a Graph-shaped sign-in object (camelCase Graph field names, nested {@code status},
 * {@code location}, ...) to a {@link SignInEvent}. Every format reader first brings its record
 * into this shape, so field extraction lives in one place.
 */
final class SignInMapper {

    static final String GRAPH_FORMAT = "graph";

    private SignInMapper() {
    }

    /** Graph's own shape; the loosest test, so asked last. */
    static boolean looksLikeGraph(JsonNode record) {
        return record.has("createdDateTime") || record.has("status") || record.has("userPrincipalName");
    }

    static SignInEvent map(JsonNode node, String sourceFormat) throws UnreadableRecordException {
        String id = SignInEssentials.id(node);
        Instant time = SignInEssentials.time(node);
        JsonNode status = object(node, "status");
        int errorCode = SignInEssentials.errorCode(node, status);
        String failureReason = text(status, "failureReason");
        if (failureReason == null) {
            failureReason = text(node, "resultDescription");
        }
        String category = category(node);
        // a workload identity's sign-in involves no user: whatever user fields its record carries
        // (real ones leave them empty; hand-made ones fill them) name nobody a user rule may count
        boolean user = !SignInEvent.workloadCategory(category);
        return new SignInEvent(
                id,
                time,
                TenantIds.normalise(firstText(node, "tenantId", "resourceTenantId", "homeTenantId")),
                sourceFormat,
                category,
                user ? text(node, "userPrincipalName") : null,
                user ? text(node, "userId") : null,
                user ? text(node, "userDisplayName") : null,
                user ? text(node, "userType") : null,
                text(node, "appId"),
                text(node, "appDisplayName"),
                text(node, "resourceId"),
                text(node, "resourceDisplayName"),
                firstText(node, "ipAddress", "callerIpAddress"),
                text(node, "clientAppUsed"),
                text(node, "correlationId"),
                bool(node, "isInteractive"),
                errorCode,
                failureReason,
                text(status, "additionalDetails"),
                text(node, "conditionalAccessStatus"),
                text(node, "riskLevelDuringSignIn"),
                text(node, "riskLevelAggregated"),
                text(node, "riskState"),
                text(node, "riskDetail"),
                riskEventTypes(node),
                location(object(node, "location")),
                device(object(node, "deviceDetail")),
                text(node, "authenticationRequirement"),
                authenticationSteps(array(node, "authenticationDetails")),
                policies(array(node, "appliedConditionalAccessPolicies")),
                text(node, "homeTenantId"),
                text(node, "resourceTenantId"),
                autonomousSystemNumber(node.get("autonomousSystemNumber")),
                optionalText(node, "sessionId"),
                optionalText(node, "uniqueTokenIdentifier"),
                optionalText(node, "authenticationProtocol"),
                optionalText(node, "originalTransferMethod"),
                optionalText(node, "incomingTokenType"),
                optionalText(node, "tokenIssuerType"),
                optionalText(node, "userAgent"),
                mfaDetail(node.get("mfaDetail")),
                networkLocations(node.get("networkLocationDetails")),
                audiences(node.get("conditionalAccessAudiences")),
                optionalText(node, "appOwnerTenantId"),
                optionalText(node, "servicePrincipalId"),
                optionalText(node, "servicePrincipalName"),
                optionalText(node, "clientCredentialType"),
                optionalText(node, "homeTenantName"));
    }

    /**
     * The record's log category; a Graph sign-in, which has none, is a workload identity's when
     * its {@code signInEventTypes} say so ({@code servicePrincipal}, {@code managedIdentity}).
     * User sign-ins keep no category there, as before.
     */
    static String category(JsonNode node) throws UnreadableRecordException {
        String category = text(node, "category");
        if (category != null) {
            return category;
        }
        JsonNode types = node.get("signInEventTypes");
        if (types == null || !types.isArray()) {
            return null;
        }
        for (JsonNode type : types) {
            if (type.isTextual()) {
                if (type.textValue().equalsIgnoreCase("servicePrincipal")) {
                    return "ServicePrincipalSignInLogs";
                }
                if (type.textValue().equalsIgnoreCase("managedIdentity")) {
                    return "ManagedIdentitySignInLogs";
                }
            }
        }
        return null;
    }

    private static String firstText(JsonNode node, String... fields) throws UnreadableRecordException {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** {@code riskEventTypes_v2} replaced the enum-typed {@code riskEventTypes}; prefer it. */
    private static List<String> riskEventTypes(JsonNode node) throws UnreadableRecordException {
        JsonNode types = array(node, "riskEventTypes_v2");
        if (types == null || types.isEmpty()) {
            types = array(node, "riskEventTypes");
        }
        List<String> result = new ArrayList<>();
        if (types != null) {
            for (JsonNode type : types) {
                if (type.isTextual()) {
                    result.add(type.textValue());
                }
            }
        }
        return result;
    }

    private static GeoLocation location(JsonNode location) throws UnreadableRecordException {
        if (location == null) {
            return null;
        }
        JsonNode geo = object(location, "geoCoordinates");
        return new GeoLocation(text(location, "city"), text(location, "state"), text(location, "countryOrRegion"),
                decimal(geo, "latitude"), decimal(geo, "longitude"));
    }

    private static DeviceDetail device(JsonNode device) throws UnreadableRecordException {
        if (device == null) {
            return null;
        }
        return new DeviceDetail(text(device, "deviceId"), text(device, "operatingSystem"), text(device, "browser"),
                optionalBool(device, "isCompliant"), optionalBool(device, "isManaged"),
                optionalText(device, "trustType"));
    }

    private static List<AuthenticationStep> authenticationSteps(JsonNode steps) throws UnreadableRecordException {
        List<AuthenticationStep> result = new ArrayList<>();
        if (steps != null) {
            for (JsonNode step : steps) {
                if (step.isObject()) {
                    result.add(new AuthenticationStep(text(step, "authenticationMethod"), bool(step, "succeeded"),
                            text(step, "authenticationStepResultDetail"), text(step, "authenticationStepRequirement")));
                }
            }
        }
        return result;
    }

    private static List<AppliedPolicy> policies(JsonNode policies) throws UnreadableRecordException {
        List<AppliedPolicy> result = new ArrayList<>();
        if (policies != null) {
            for (JsonNode policy : policies) {
                if (policy.isObject()) {
                    result.add(new AppliedPolicy(text(policy, "id"), text(policy, "displayName"),
                            text(policy, "result")));
                }
            }
        }
        return result;
    }
}
