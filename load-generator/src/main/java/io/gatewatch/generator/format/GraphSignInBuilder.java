package io.gatewatch.generator.format;

import io.gatewatch.generator.SignInSpec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds a Microsoft Graph {@code signIn} object (what {@code /auditLogs/signIns} returns and
 * what Azure Monitor wraps as {@code properties}): device, location, Conditional Access policies
 * and authentication steps, with the field names and value shapes of the real API.
 */
public final class GraphSignInBuilder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GraphSignInBuilder() {
    }

    public static ObjectNode build(SignInSpec spec) {
        ObjectNode p = JSON.objectNode();
        p.put("id", spec.id());
        p.put("createdDateTime", spec.time().toString());
        SignInSpec.Client client = spec.client();
        if (client.servicePrincipalName() != null) {
            // a workload identity's sign-in names the app, never a user
            p.putArray("signInEventTypes").add("servicePrincipal");
            p.put("servicePrincipalId", spec.user().userId());
            p.put("servicePrincipalName", client.servicePrincipalName());
            p.put("clientCredentialType", "clientSecret");
        } else {
            p.put("userDisplayName", spec.user().displayName());
            p.put("userPrincipalName", spec.user().userPrincipalName());
            p.put("userId", spec.user().userId());
        }
        p.put("appId", or(spec.client().appId(), "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"));
        p.put("appDisplayName", spec.appDisplayName());
        p.put("ipAddress", spec.ipAddress());
        ObjectNode status = p.putObject("status");
        status.put("errorCode", spec.errorCode());
        if (spec.failureReason() != null) {
            status.put("failureReason", spec.failureReason());
        }
        if (spec.additionalDetails() != null) {
            status.put("additionalDetails", spec.additionalDetails());
        }
        p.put("clientAppUsed", or(client.clientAppUsed(), "Browser"));
        // a browser's sign-in: Entra writes "none" for every protocol without a value of its own
        p.put("authenticationProtocol", or(client.authenticationProtocol(), "none"));
        p.put("userAgent", or(client.userAgent(),
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"));
        p.put("sessionId", spec.sessionId());
        p.put("originalTransferMethod", or(client.originalTransferMethod(),
                "deviceCode".equals(client.authenticationProtocol()) ? "deviceCodeFlow" : "none"));
        p.put("autonomousSystemNumber", autonomousSystem(spec.ipAddress()));
        if (client.mfaMethod() != null) {
            ObjectNode mfa = p.putObject("mfaDetail");
            mfa.put("authMethod", client.mfaMethod());
            mfa.put("authDetail", "");
        }
        ObjectNode device = p.putObject("deviceDetail");
        device.put("deviceId", "");
        device.put("operatingSystem", "Windows 10");
        device.put("browser", "Chrome 131.0.0");
        ObjectNode location = p.putObject("location");
        location.put("city", spec.location().city());
        location.put("state", spec.location().state());
        location.put("countryOrRegion", spec.location().countryOrRegion());
        ObjectNode geo = location.putObject("geoCoordinates");
        geo.put("latitude", spec.location().latitude());
        geo.put("longitude", spec.location().longitude());
        p.put("correlationId", spec.correlationId());
        p.put("conditionalAccessStatus", spec.errorCode() == 53003 ? "failure" : "notApplied");
        ArrayNode policies = p.putArray("appliedConditionalAccessPolicies");
        policy(policies, "Require MFA for admins", spec.errorCode() == 53003 ? "failure" : "notApplied");
        policy(policies, "Block legacy authentication", "notApplied");
        policy(policies, "Require compliant device", "notEnabled");
        p.put("isInteractive", spec.interactive());
        p.put("riskDetail", "none");
        p.put("riskLevelAggregated", or(client.riskLevelAggregated(), "none"));
        p.put("riskLevelDuringSignIn", spec.riskLevel() == null ? "none" : spec.riskLevel());
        p.put("riskState", or(client.riskState(), "none"));
        p.putArray("riskEventTypes_v2");
        p.put("resourceDisplayName", or(client.resourceDisplayName(), "Office 365 SharePoint Online"));
        p.put("resourceId", or(client.resourceId(), "00000003-0000-0ff1-ce00-000000000000"));
        p.put("resourceTenantId", spec.user().tenantId());
        p.put("homeTenantId", spec.user().tenantId());
        ArrayNode steps = p.putArray("authenticationDetails");
        ObjectNode step = steps.addObject();
        step.put("authenticationStepDateTime", spec.time().toString());
        step.put("authenticationMethod", "Password");
        step.put("succeeded", spec.errorCode() != 50126 && spec.errorCode() != 50053);
        step.put("authenticationStepResultDetail", spec.errorCode() == 50126 ? "Invalid username or password" : "Correct password");
        step.put("authenticationStepRequirement", "Primary authentication");
        p.put("authenticationRequirement", or(client.authenticationRequirement(), "singleFactorAuthentication"));
        p.put("userType", "Member");
        p.put("tokenIssuerType", "AzureAD");
        return p;
    }

    /**
     * The address's autonomous system: one per /16 (IPv6: first two hextets), in the private-use
     * range, so a user's home, office and carrier networks differ and the same address always
     * gives the same number.
     */
    static int autonomousSystem(String ip) {
        String[] parts = ip.split(ip.indexOf(':') >= 0 ? ":" : "\\.");
        String network = parts.length < 2 ? ip : parts[0] + "." + parts[1];
        return 64512 + Math.floorMod(network.hashCode(), 1000);
    }

    private static String or(String value, String browser) {
        return value != null ? value : browser;
    }

    private static void policy(ArrayNode policies, String name, String result) {
        ObjectNode policy = policies.addObject();
        policy.put("id", Integer.toHexString(name.hashCode()));
        policy.put("displayName", name);
        policy.putArray("enforcedGrantControls").add("Mfa");
        policy.putArray("enforcedSessionControls");
        policy.put("result", result);
        policy.put("conditionsSatisfied", 0);
        policy.put("conditionsNotSatisfied", 0);
    }
}
