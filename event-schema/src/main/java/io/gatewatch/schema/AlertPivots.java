package io.gatewatch.schema;

/**
 * Where an alert's sign-ins are found in the tools a SOC already has: a KQL query for Microsoft
 * Sentinel / Log Analytics ({@code SigninLogs} and its siblings) and a Microsoft Graph request
 * ({@code GET /v1.0/auditLogs/signIns?$filter=...}).
 */
public record AlertPivots(String kql, String graph) {

    public static final AlertPivots NONE = new AlertPivots(null, null);
}
