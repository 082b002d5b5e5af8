package io.gatewatch.app.topology;

import java.time.Instant;

/** JSON input records for topology tests, in the real export formats. */
final class TestEvents {

    static final Instant T0 = Instant.parse("2025-11-14T10:00:00Z");

    private TestEvents() {
    }

    /** A Graph sign-in object; {@code extraStatus} is spliced into {@code status} (e.g. additionalDetails). */
    static String signIn(String id, String tenant, String user, int code, Instant time, String extraStatus) {
        return "{\"id\":\"" + id + "\",\"createdDateTime\":\"" + time + "\",\"resourceTenantId\":\"" + tenant
                + "\",\"userPrincipalName\":\"" + user + "\",\"ipAddress\":\"203.0.113.7\",\"correlationId\":\"c-" + id
                + "\",\"status\":{\"errorCode\":" + code + extraStatus + "}}";
    }

    static String signIn(String id, String tenant, String user, int code, Instant time) {
        return signIn(id, tenant, user, code, time, "");
    }

    static String envelope(String... azureRecords) {
        return "{\"records\":[" + String.join(",", azureRecords) + "]}";
    }

    static String azureRecord(String id, String tenant, String user, int code, Instant time) {
        return "{\"time\":\"" + time + "\",\"category\":\"SignInLogs\",\"tenantId\":\"" + tenant + "\",\"resultType\":\""
                + code + "\",\"properties\":{\"id\":\"" + id + "\",\"createdDateTime\":\"" + time
                + "\",\"userPrincipalName\":\"" + user + "\",\"status\":{\"errorCode\":" + code + "}}}";
    }

    static String access(String id, String tenant, String user, String url, String code, Instant time) {
        return "{\"id\":\"" + id + "\",\"createdDateTime\":\"" + time + "\",\"tenantId\":\"" + tenant
                + "\",\"userPrincipalName\":\"" + user + "\",\"requestedUrl\":\"" + url + "\",\"errorCode\":" + code + "}";
    }
}
