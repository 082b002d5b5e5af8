package io.gatewatch.generator.format;

import io.gatewatch.generator.SignInSpec;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds Azure Monitor diagnostic-export sign-in records shaped like the ones Event Hubs
 * delivers (the layout of Microsoft's documented example): envelope fields around the Graph
 * object of {@link GraphSignInBuilder} — about 2.7 KB each, the realistic size for benchmarks.
 */
public final class AzureMonitorRecordBuilder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AzureMonitorRecordBuilder() {
    }

    public static ObjectNode build(SignInSpec spec) {
        ObjectNode record = JSON.objectNode();
        record.put("time", spec.time().toString());
        record.put("resourceId", "/tenants/" + spec.user().tenantId() + "/providers/Microsoft.aadiam");
        record.put("operationName", "Sign-in activity");
        record.put("operationVersion", "1.0");
        record.put("category", spec.client().servicePrincipalName() != null ? "ServicePrincipalSignInLogs"
                : spec.interactive() ? "SignInLogs" : "NonInteractiveUserSignInLogs");
        record.put("tenantId", spec.user().tenantId());
        record.put("resultType", String.valueOf(spec.errorCode()));
        record.put("resultSignature", "None");
        if (spec.failureReason() != null) {
            record.put("resultDescription", spec.failureReason());
        }
        record.put("durationMs", 0);
        record.put("callerIpAddress", spec.ipAddress());
        record.put("correlationId", spec.correlationId());
        record.put("identity", spec.user().displayName());
        record.put("Level", 4);
        record.put("location", spec.location().countryOrRegion());
        record.set("properties", GraphSignInBuilder.build(spec));
        return record;
    }

}
