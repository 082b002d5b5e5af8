package io.gatewatch.schema.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.schema.SignInEvent;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Log Analytics / Sentinel row ({@code SigninLogs}, {@code AADNonInteractiveUserSignInLogs})
 * by renaming its PascalCase columns to Graph's field names. Most columns are Graph's name with
 * a capital; the exceptions are listed in {@link #RENAMED}. {@code TenantId} in these tables is
 * the Log Analytics workspace, and {@code ResourceId} the ARM path, so neither may be taken for
 * the Entra tenant or the target app.
 */
final class LogAnalyticsRowReader {

    static final String FORMAT = "log-analytics";

    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("AADTenantId", "tenantId"),
            Map.entry("TenantId", "workspaceId"),
            Map.entry("ResourceId", "armResourceId"),
            Map.entry("ResourceIdentity", "resourceId"),
            Map.entry("TimeGenerated", "time"),
            Map.entry("IPAddress", "ipAddress"),
            Map.entry("Location", "countryCode"),
            Map.entry("LocationDetails", "location"),
            Map.entry("ConditionalAccessPolicies", "appliedConditionalAccessPolicies"),
            Map.entry("RiskEventTypes_V2", "riskEventTypes_v2"),
            Map.entry("Type", "table"));

    /** Columns only Log Analytics has; any one of them marks a row as Log Analytics. */
    private static final Set<String> MARKERS = Set.of("AADTenantId", "TimeGenerated", "ResultType", "Type");

    private LogAnalyticsRowReader() {
    }

    static boolean looksLike(JsonNode row) {
        for (String marker : MARKERS) {
            if (row.has(marker)) {
                return true;
            }
        }
        return row.has("UserPrincipalName") || row.has("CreatedDateTime");
    }

    static SignInEvent read(JsonNode row, EmbeddedJson embedded, String format) throws UnreadableRecordException {
        ObjectNode signIn = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> column = it.next();
            signIn.set(graphName(column.getKey()), embedded.expand(column.getValue()));
        }
        if (!signIn.hasNonNull("category")) {
            signIn.set("category", categoryOfTable(signIn.get("table")));
        }
        return SignInMapper.map(signIn, format);
    }

    private static String graphName(String column) {
        String renamed = RENAMED.get(column);
        if (renamed != null) {
            return renamed;
        }
        if (column.isEmpty() || !Character.isUpperCase(column.charAt(0))) {
            return column;
        }
        return column.substring(0, 1).toLowerCase(Locale.ROOT) + column.substring(1);
    }

    /** Both tables share ids space-wise only within a category, so dedup needs the category. */
    private static JsonNode categoryOfTable(JsonNode table) {
        if (table == null || !table.isTextual()) {
            return null;
        }
        String category = switch (table.textValue()) {
            case "AADNonInteractiveUserSignInLogs" -> "NonInteractiveUserSignInLogs";
            case "AADServicePrincipalSignInLogs" -> "ServicePrincipalSignInLogs";
            case "AADManagedIdentitySignInLogs" -> "ManagedIdentitySignInLogs";
            default -> "SignInLogs";
        };
        return JsonNodeFactory.instance.textNode(category);
    }
}
