package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** A test's HTTPS client of instances' APIs on 127.0.0.1: requests by port and path, answers read as JSON. */
final class ApiClient {

    private final HttpClient http;

    ApiClient(SSLContext trusting) {
        this.http = HttpClient.newBuilder().sslContext(trusting).build();
    }

    /** GET with the token as a bearer, or with no credential for null. */
    HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
        return send(port, path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    HttpResponse<String> send(int port, String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON array answer once it holds something, or the empty one after a minute. */
    JsonNode awaitNonEmpty(int port, String path, String token) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode answer = json(get(port, path, token));
        while (answer.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            answer = json(get(port, path, token));
        }
        return answer;
    }

    /** Waits until the tenants' sign-ins of the last two hours add up to {@code expected}. */
    void awaitTotal(int port, String token, long expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long seen = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(port, "/api/v1/tenants?from=" + Instant.now().minus(Duration.ofHours(2)), token);
            if (response.statusCode() == 200) {
                seen = 0;
                for (JsonNode tenant : json(response)) {
                    seen += tenant.get("signIns").asLong();
                }
                if (seen == expected) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the API saw " + seen + " of " + expected + " sign-ins");
    }

    /** The body of a 200 answer (anything else fails the test, showing the body). */
    static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMappers.internal().readTree(response.body());
    }

    /** The tenant ids of a {@code /tenants} answer, in its order. */
    static List<String> tenantIds(HttpResponse<String> response) throws IOException {
        List<String> ids = new ArrayList<>();
        json(response).forEach(t -> ids.add(t.get("tenantId").asText()));
        return ids;
    }
}
