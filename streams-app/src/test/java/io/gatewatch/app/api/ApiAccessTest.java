package io.gatewatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API as a client meets it, without a broker (its Kafka Streams instance built, never
 * started, so a request that passes the checks ends at "state is being restored", 503): HTTPS
 * only with a key store, JWT bearer tokens of a real issuer beside the tokens file, and forwarded
 * requests judged by their signature alone.
 */
class ApiAccessTest {

    private static final String AUDIENCE = "gatewatch-api";
    private static final String SECRET = "a-shared-secret-of-at-least-32-characters";
    private static final String ADMIN = "admin-file-token";

    @TempDir
    Path dir;

    @Test
    void servesHttpsOnlyAndChecksEveryKindOfCredential() throws Exception {
        SelfSignedKeyStore keyStore = SelfSignedKeyStore.create(dir, "api");
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, AccessTokens.fileLine(ADMIN, "*") + "\n");
        try (TestIssuer issuer = new TestIssuer()) {
            Map<String, String> values = new HashMap<>();
            values.put("bootstrap.servers", "127.0.0.1:1");
            values.put("state.dir", dir.toString());
            values.put("http.tls.keystore.path", keyStore.file().toString());
            values.put("http.tls.keystore.password", keyStore.password());
            values.put("api.internal.secret", SECRET);
            values.put("api.oidc.issuer", issuer.issuer());
            values.put("api.oidc.audience", AUDIENCE);
            GatewatchConfig config = ConfigLoader.build(values);
            HttpClient https = HttpClient.newBuilder().sslContext(keyStore.trustingContext()).build();
            try (KafkaStreams streams = unstarted();
                 ApiServer server = ApiServer.start(config, "127.0.0.1", 0, streams, AccessTokens.load(tokens), null)) {
                String base = "https://localhost:" + server.port();
                assertThat(https.send(get(base + "/health/live").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                        .isEqualTo(200);
                assertThatThrownBy(() -> HttpClient.newHttpClient().send(get("http://127.0.0.1:" + server.port()
                        + "/health/live").build(), HttpResponse.BodyHandlers.ofString()))
                        .as("plain HTTP on the HTTPS port").isInstanceOf(IOException.class);

                String trends = base + "/api/v1/tenants/tenant-a/trends";
                String tenantA = TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.Tenant.tenant-a").build(),
                        issuer.key());
                assertThat(send(https, trends, tenantA)).as("valid: past every check").startsWith("503 ")
                        .contains("state is being restored");
                assertThat(send(https, base + "/api/v1/tenants/tenant-b/trends", tenantA)).startsWith("403 ");
                assertThat(send(https, base + "/api/v1/provider/alerts", tenantA)).startsWith("403 ");
                assertThat(send(https, trends, TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.Tenant.tenant-a")
                        .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(2)))).build(), issuer.key())))
                        .startsWith("401 ").contains("expired");
                assertThat(send(https, trends, TestIssuer.sign(issuer.claims("other-app").claim("roles", "Gatewatch.All")
                        .build(), issuer.key()))).startsWith("401 ").contains("audience").doesNotContain("other-app");
                assertThat(send(https, trends, TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.All").build(),
                        TestIssuer.newRsaKey("key-1")))).startsWith("401 ").contains("signature");
                assertThat(send(https, trends, TestIssuer.sign(issuer.claims(AUDIENCE).build(), issuer.key())))
                        .startsWith("401 ").contains("no roles claim");
                assertThat(send(https, trends, ADMIN)).as("the tokens file still counts").startsWith("503 ");
                assertThat(send(https, trends, "not-a-token")).startsWith("401 ").contains("unknown token");

                // forwarded: the signature alone decides, whatever token comes along
                ForwardSignature signer = new ForwardSignature(SECRET, Clock.systemUTC());
                String path = "/api/v1/tenants/tenant-a/trends";
                HttpRequest.Builder signed = get(base + path);
                signer.sign("GET", path, new AccessTokens.Scope(false, Set.of("tenant-a"))).forEach(signed::header);
                assertThat(send(https, signed)).startsWith("503 ");
                HttpRequest.Builder widened = get(base + "/api/v1/tenants/tenant-b/trends");
                signer.sign("GET", path, new AccessTokens.Scope(false, Set.of("tenant-a"))).forEach(widened::header);
                assertThat(send(https, widened)).startsWith("401 ");
                HttpRequest.Builder forged = get(base + path).header("Authorization", "Bearer " + ADMIN)
                        .header(ForwardSignature.SCOPE, "*").header(ForwardSignature.TIME, String.valueOf(Instant.now()
                                .getEpochSecond())).header(ForwardSignature.SIGNATURE, "forged");
                assertThat(send(https, forged)).as("a valid token does not rescue a forged signature").startsWith("401 ");
                HttpRequest.Builder marker = get(base + path).header("Authorization", "Bearer " + ADMIN)
                        .header("X-Gatewatch-Forwarded", "true");
                assertThat(send(https, marker)).as("the former unsigned marker").startsWith("401 ");
            }
        }
    }

    @Test
    void withoutASecretForwardingIsRefusedNamingTheKey() {
        QueryRouter router = new QueryRouter(null, "127.0.0.1:1", null, null);
        assertThatThrownBy(() -> router.forward(new HostInfo("127.0.0.1", 2), "/api/v1/tenants",
                new AccessTokens.Scope(true, Set.of()))).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("api.internal.secret").doesNotContain("\n");
                });
    }

    private KafkaStreams unstarted() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "api-access");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("unused");
        return new KafkaStreams(builder.build(), props);
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    }

    private static String send(HttpClient client, String url, String token) throws Exception {
        return send(client, get(url).header("Authorization", "Bearer " + token));
    }

    /** Status and body, as one string to assert on. */
    private static String send(HttpClient client, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
