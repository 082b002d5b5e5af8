package io.gatewatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled OpenAPI document describes every endpoint the server registers, and only those. */
class OpenApiDocumentTest {

    @Test
    void documentsEveryEndpoint() throws IOException {
        JsonNode document;
        try (InputStream in = getClass().getResourceAsStream("/gatewatch/openapi.json")) {
            document = JsonMappers.internal().readTree(in);
        }
        List<String> paths = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(paths::add);

        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(paths).containsExactlyInAnyOrder("/api/v1/tenants", "/api/v1/tenants/{tenantId}/trends",
                "/api/v1/tenants/{tenantId}/alerts", "/api/v1/tenants/{tenantId}/users/{upn}/diagnosis",
                "/api/v1/provider/alerts",
                "/health/live", "/health/ready", "/metrics");
        assertThat(document.at("/paths/~1api~1v1~1tenants~1{tenantId}~1trends/get/responses").has("403")).isTrue();
    }
}
