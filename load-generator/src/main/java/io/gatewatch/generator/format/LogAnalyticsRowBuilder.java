package io.gatewatch.generator.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.generator.SignInSpec;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a Log Analytics / Sentinel {@code SigninLogs} row as its JSON export shows it: Graph's
 * fields as PascalCase columns, the dynamic columns (Status, LocationDetails, ...) as JSON
 * strings, {@code AADTenantId} for the Entra tenant and {@code TenantId} for the workspace.
 */
public final class LogAnalyticsRowBuilder {

    /** The (synthetic) Log Analytics workspace every row claims to come from. */
    static final String WORKSPACE_ID = "00000000-0000-4000-8000-00000000a11a";

    private static final Map<String, String> RENAMED = Map.of(
            "ipAddress", "IPAddress",
            "location", "LocationDetails",
            "appliedConditionalAccessPolicies", "ConditionalAccessPolicies",
            "riskEventTypes_v2", "RiskEventTypes_V2",
            "resourceId", "ResourceIdentity");

    private LogAnalyticsRowBuilder() {
    }

    public static ObjectNode build(SignInSpec spec) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("TenantId", WORKSPACE_ID);
        row.put("TimeGenerated", spec.time().toString());
        row.put("AADTenantId", spec.user().tenantId());
        row.put("ResultType", String.valueOf(spec.errorCode()));
        row.put("ResultDescription", spec.failureReason() == null ? "" : spec.failureReason());
        row.put("Location", spec.location().countryOrRegion());
        for (Iterator<Map.Entry<String, JsonNode>> it = GraphSignInBuilder.build(spec).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            // the JSON export carries dynamic columns as strings of JSON
            row.set(column(field.getKey()), value.isContainerNode() ? row.textNode(value.toString()) : value);
        }
        row.put("Type", spec.client().servicePrincipalName() != null ? "AADServicePrincipalSignInLogs"
                : spec.interactive() ? "SigninLogs" : "AADNonInteractiveUserSignInLogs");
        return row;
    }

    private static String column(String graphField) {
        String renamed = RENAMED.get(graphField);
        return renamed != null ? renamed : graphField.substring(0, 1).toUpperCase(Locale.ROOT) + graphField.substring(1);
    }
}
