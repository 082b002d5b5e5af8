package io.gatewatch.rules.detail;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEvidence;
import io.gatewatch.schema.AlertPivots;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The KQL query and the Microsoft Graph request that show an alert's sign-ins. By correlation id
 * where the alert names some (exact: the very sign-ins), else by the alert's user or address over
 * its time range; a spike about a tenant's hour by the hour's failures. Table and column names
 * follow Microsoft's documented schemas: {@code SigninLogs}, {@code AADNonInteractiveUserSignInLogs}
 * (user sign-ins, interactive and not) and {@code AADServicePrincipalSignInLogs}; Graph's
 * {@code signIn} properties {@code correlationId}, {@code userPrincipalName}, {@code ipAddress},
 * {@code createdDateTime}.
 */
public final class Pivots {

    /** Correlation ids a Graph filter names: each is an {@code or} clause, and filters have a length limit. */
    static final int GRAPH_IDS = 10;
    /** Log Analytics' TimeGenerated trails the sign-in; the range reaches past it. */
    private static final Duration BEFORE = Duration.ofMinutes(15);
    private static final Duration AFTER = Duration.ofHours(1);
    private static final String GRAPH = "GET https://graph.microsoft.com/v1.0/auditLogs/signIns?$filter=";
    private static final String USER_TABLES = "union isfuzzy=true SigninLogs, AADNonInteractiveUserSignInLogs";
    private static final String USER_COLUMNS = "| project TimeGenerated, UserPrincipalName, IPAddress, Location, "
            + "AutonomousSystemNumber, AppDisplayName, ResultType, ResultDescription, CorrelationId";
    private static final String WORKLOAD_TABLE = "AADServicePrincipalSignInLogs";
    private static final String WORKLOAD_COLUMNS = "| project TimeGenerated, ServicePrincipalName, ServicePrincipalId, "
            + "IPAddress, ResourceDisplayName, ResultType, ResultDescription, CorrelationId";

    private Pivots() {
    }

    public static AlertPivots of(Alert alert, AlertEvidence evidence) {
        Instant from = alert.firstSeen().minus(BEFORE).truncatedTo(ChronoUnit.SECONDS);
        Instant to = alert.lastSeen().plus(AFTER).truncatedTo(ChronoUnit.SECONDS);
        boolean workload = alert.entity().type().equals("servicePrincipal");
        List<String> ids = evidence.signIns().stream().map(AlertEvidence.SignIn::correlationId)
                .filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) {
            ids = alert.correlationIds();
        }
        String kqlFilter;
        String graphFilter;
        if (!ids.isEmpty() && !alert.entity().type().equals("user+org")) { // a Dynamics access has no sign-in id
            kqlFilter = "| where CorrelationId in (" + ids.stream().map(Pivots::kqlText).collect(Collectors.joining(", ")) + ")";
            graphFilter = "(" + ids.stream().limit(GRAPH_IDS).map(id -> "correlationId eq " + odataText(id))
                    .collect(Collectors.joining(" or ")) + ")";
        } else if (alert.entity().type().equals("user") || !evidence.users().isEmpty()) {
            List<String> users = alert.entity().type().equals("user") ? List.of(alert.entity().value()) : evidence.users();
            kqlFilter = "| where UserPrincipalName in~ (" + users.stream().map(Pivots::kqlText)
                    .collect(Collectors.joining(", ")) + ")";
            graphFilter = "(" + users.stream().limit(GRAPH_IDS).map(u -> "userPrincipalName eq " + odataText(u))
                    .collect(Collectors.joining(" or ")) + ")";
        } else if (alert.entity().type().equals("ip") || !evidence.addresses().isEmpty()) {
            List<String> ips = alert.entity().type().equals("ip") ? List.of(alert.entity().value())
                    : evidence.addresses().stream().map(AlertEvidence.Address::ip).toList();
            kqlFilter = "| where IPAddress in (" + ips.stream().map(Pivots::kqlText).collect(Collectors.joining(", ")) + ")";
            graphFilter = "(" + ips.stream().limit(GRAPH_IDS).map(ip -> "ipAddress eq " + odataText(ip))
                    .collect(Collectors.joining(" or ")) + ")";
        } else {
            kqlFilter = "| where ResultType != \"0\""; // a tenant's hour: its failures
            graphFilter = null;
        }
        String kql = (workload ? WORKLOAD_TABLE : USER_TABLES) + "\n| where TimeGenerated between (datetime(" + from
                + ") .. datetime(" + to + "))\n" + kqlFilter + "\n" + (workload ? WORKLOAD_COLUMNS : USER_COLUMNS)
                + "\n| order by TimeGenerated asc";
        // Graph's v1.0 signIns lists user sign-ins: a service principal's are in the KQL pivot only
        String graph = workload ? null : GRAPH + "createdDateTime ge " + from + " and createdDateTime le " + to
                + (graphFilter == null ? "" : " and " + graphFilter);
        return new AlertPivots(kql, graph);
    }

    /** A KQL string literal: double quotes, backslash and quote escaped. */
    static String kqlText(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** An OData string literal: single quotes, a quote doubled. */
    static String odataText(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
