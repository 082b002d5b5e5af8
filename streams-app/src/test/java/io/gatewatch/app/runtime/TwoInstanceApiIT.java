package io.gatewatch.app.runtime;

import static io.gatewatch.app.runtime.ApiClient.json;
import static io.gatewatch.app.runtime.ApiClient.tenantIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.app.api.AccessTokens;
import io.gatewatch.app.api.ApiServer;
import io.gatewatch.app.api.SelfSignedKeyStore;
import io.gatewatch.app.api.TestIssuer;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.kafka.KafkaBroker;
import io.gatewatch.kafka.KafkaBrokerExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Two instances of one application, each with its API over HTTPS: whichever receives a query
 * answers it the same (forwarding to the tenant's owner, signed with the shared secret and the
 * caller's scope: the second instance, behind a {@link RecordingProxy}, never receives the
 * caller's Authorization header, and refuses forwarded requests whose signature is forged or
 * missing), and access control holds on every endpoint of both: 401 without or with an unknown
 * token, 403 outside the token's tenants, the list filtered, for the tokens file's tokens and the
 * JWTs of a real OpenID Connect issuer alike; no token and no secret in any log line.
 */
@ExtendWith(KafkaBrokerExtension.class)
class TwoInstanceApiIT {

    private static final String ADMIN = "admin-token-7f3c9a";
    private static final String SCOPED = "tenant-a-token-41d2";
    private static final String SPRAYER = "198.18.5.5";
    private static final List<String> TENANTS = List.of("tenant-a", "tenant-b", "tenant-c", "tenant-d");
    private static final String SECRET = "it-shared-secret-0123456789-abcdefghij";
    private static final String AUDIENCE = "gatewatch-it";
    private ApiClient api;

    @Test
    void everyInstanceAnswersEveryEndpointTheSameAndGuardsIt(KafkaBroker broker, @TempDir Path dir) throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "# admin, then one tenant\n" + AccessTokens.fileLine(ADMIN, "*") + "\n"
                + AccessTokens.fileLine(SCOPED, "tenant-a") + "\n");
        int[] ports = {freePort(), freePort()};
        SelfSignedKeyStore keyStore = SelfSignedKeyStore.create(dir, "instances");
        api = new ApiClient(keyStore.trustingContext());
        Instant start = Instant.now().minus(40, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int code = i % 400 == 0 ? 50053 : i % 20 == 0 ? 50126 : 0;
            String user = code == 50053 ? "locked" + i + "@x.com" : "user" + (i % 50) + "@x.com";
            records.add(TestInput.signIn("e" + i, TENANTS.get(i % TENANTS.size()), user, code, start.plusMillis(i * 900L)));
        }
        for (int i = 0; i < 2 * TENANTS.size(); i++) { // one address failing for two users of every tenant
            records.add(new String(TestInput.signIn("spray" + i, TENANTS.get(i % TENANTS.size()), "sprayed" + i + "@x.com",
                    50126, start.plusSeconds(60 + i)), StandardCharsets.UTF_8).replace("198.51.100.4", SPRAYER)
                    .getBytes(StandardCharsets.UTF_8));
        }
        List<GatewatchApp> apps = new ArrayList<>();
        List<ApiServer> apis = new ArrayList<>();
        List<SimpleMeterRegistry> registries = List.of(new SimpleMeterRegistry(), new SimpleMeterRegistry());
        // the second instance advertises the proxy: every query the first forwards to it is recorded there
        try (TestIssuer issuer = new TestIssuer();
             RecordingProxy proxy = new RecordingProxy(keyStore.serverContext(), keyStore.trustingContext(), ports[1])) {
            int[] advertised = {ports[0], proxy.port()};
            for (int n = 0; n < 2; n++) {
                GatewatchConfig config = config(broker, dir.resolve("state-" + n), ports[n], advertised[n], tokens,
                        keyStore, issuer.issuer());
                GatewatchApp app = GatewatchApp.start(config, registries.get(n));
                apps.add(app);
                apis.add(ApiServer.start(config, app.streams(), AccessTokens.load(tokens), null));
            }
            for (GatewatchApp app : apps) {
                assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
            }
            TestInput.produce(broker.bootstrapServers(), "api-signin-events", records);
            api.awaitTotal(ports[0], ADMIN, 2_008);

            String range = "?from=" + start.minusSeconds(60) + "&to=" + start.plus(Duration.ofMinutes(40));
            for (String tenant : TENANTS) {
                for (String path : List.of("/trends" + range, "/alerts" + range, "/users/locked0@x.com/diagnosis",
                        "/breakdown" + range + "&by=user", "/breakdown" + range + "&by=user&where=errorCode:50126",
                        "/movers" + range + "&by=errorCode&baseline=previous")) {
                    String url = "/api/v1/tenants/" + tenant + path;
                    assertThat(api.get(ports[1], url, ADMIN).body()).as(url).isEqualTo(api.get(ports[0], url, ADMIN).body());
                    assertThat(api.get(ports[1], url, null).statusCode()).isEqualTo(401);
                    assertThat(api.get(ports[0], url, "not-a-token").statusCode()).isEqualTo(401);
                    assertThat(api.get(ports[1], url, SCOPED).statusCode()).isEqualTo(tenant.equals("tenant-a") ? 200 : 403);
                }
            }
            JsonNode trends = json(api.get(ports[1], "/api/v1/tenants/tenant-a/trends" + range, ADMIN));
            long total = 0;
            for (JsonNode point : trends.get("points")) {
                total += point.get("total").asLong();
            }
            assertThat(total).as("tenant-a's sign-ins over its minute points").isEqualTo(502);
            JsonNode alerts = json(api.get(ports[0], "/api/v1/tenants/tenant-a/alerts" + range, ADMIN));
            assertThat(alerts).extracting(a -> a.get("rule").asText()).contains("ACCOUNT_LOCKOUT");
            JsonNode diagnosis = json(api.get(ports[1], "/api/v1/tenants/tenant-a/users/locked0@x.com/diagnosis", ADMIN));
            assertThat(diagnosis.get("problems").get(0).get("check").asText()).isEqualTo("not-locked-out");
            // the tenant's alert store, read by the owner with the history: the lockout's alert is in the diagnosis
            assertThat(diagnosis.get("alerts")).as("alerts in the diagnosis").anySatisfy(a -> {
                assertThat(a.get("rule").asText()).isEqualTo("ACCOUNT_LOCKOUT");
                assertThat(a.get("severity").asText()).isEqualTo("MEDIUM");
                assertThat(a.get("entity").get("value").asText()).isEqualTo("locked0@x.com");
                assertThat(a.get("alertId").asText()).isNotEmpty();
            });
            assertThat(diagnosis.get("status").asText()).as("a MEDIUM alert leaves the verdict to the checklist")
                    .isEqualTo("problem");
            // breakdowns, answered by the owner whichever instance is asked: tenant-a's failing users
            JsonNode users = json(api.get(ports[1], "/api/v1/tenants/tenant-a/breakdown" + range + "&by=user&limit=100", ADMIN));
            assertThat(users.get("tenantName").asText()).isEqualTo("Tenant A Ltd");
            List<String> failing = new ArrayList<>();
            users.get("rows").forEach(row -> failing.add(row.get("value").asText()));
            assertThat(failing).contains("locked0@x.com", "user0@x.com");
            // the drill-down from an error code to its users (both instances answer it alike: the loop above)
            JsonNode drilled = json(api.get(ports[0], "/api/v1/tenants/tenant-a/breakdown" + range
                    + "&by=user&where=errorCode:50053&limit=100", ADMIN));
            List<String> lockedOut = new ArrayList<>();
            drilled.get("rows").forEach(row -> lockedOut.add(row.get("value").asText()));
            assertThat(lockedOut).as("tenant-a's users whose sign-ins failed with 50053").contains("locked0@x.com")
                    .allMatch(user -> user.startsWith("locked"));
            assertThat(json(api.get(ports[0], "/api/v1/tenants" + range, ADMIN)).get(0).get("tenantName").asText())
                    .isEqualTo("Tenant A Ltd");

            String tenantA = TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.Tenant.tenant-a").build(),
                    issuer.key());
            String allTenants = TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", List.of("Gatewatch.All")).build(),
                    issuer.key());
            for (String tenant : TENANTS) {
                for (String path : List.of("/trends" + range, "/breakdown" + range + "&by=app", "/movers" + range)) {
                    String url = "/api/v1/tenants/" + tenant + path;
                    for (int port : ports) {
                        assertThat(api.get(port, url, tenantA).statusCode()).as("JWT for tenant-a on " + tenant)
                                .isEqualTo(tenant.equals("tenant-a") ? 200 : 403);
                        assertThat(api.get(port, url, allTenants).body()).isEqualTo(api.get(ports[0], url, ADMIN).body());
                    }
                }
            }
            String expired = TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.All")
                    .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(2)))).build(), issuer.key());
            assertThat(api.get(ports[1], "/api/v1/tenants/tenant-a/trends", expired).statusCode()).isEqualTo(401);
            assertThat(tenantIds(api.get(ports[1], "/api/v1/tenants" + range, tenantA))).containsExactly("tenant-a");

            assertThat(tenantIds(api.get(ports[0], "/api/v1/tenants" + range, ADMIN))).containsExactlyElementsOf(TENANTS);
            assertThat(tenantIds(api.get(ports[1], "/api/v1/tenants" + range, ADMIN))).containsExactlyElementsOf(TENANTS);
            assertThat(tenantIds(api.get(ports[1], "/api/v1/tenants" + range, SCOPED))).containsExactly("tenant-a");
            assertThat(api.get(ports[0], "/api/v1/tenants", null).statusCode()).isEqualTo(401);
            assertThat(api.get(ports[0], "/health/ready", null).statusCode()).isEqualTo(200);

            String provider = "/api/v1/provider/alerts" + range;
            // the by-address view runs a repartition behind the tenants' totals: wait for its alert
            JsonNode providerAlerts = api.awaitNonEmpty(ports[1], provider, ADMIN);
            assertThat(providerAlerts).singleElement().satisfies(a -> {
                assertThat(a.get("rule").asText()).isEqualTo("CROSS_TENANT_SPRAY");
                assertThat(a.get("tenantId").asText()).isEqualTo("provider");
                assertThat(a.get("entity").get("value").asText()).isEqualTo(SPRAYER);
            });
            assertThat(api.get(ports[0], provider, ADMIN).body()).isEqualTo(api.get(ports[1], provider, ADMIN).body());
            assertThat(api.get(ports[0], provider, SCOPED).statusCode()).as("a tenant's token").isEqualTo(403);
            assertThat(api.get(ports[0], provider, null).statusCode()).isEqualTo(401);
            assertThat(api.get(ports[1], provider, allTenants).body()).isEqualTo(api.get(ports[0], provider, ADMIN).body());
            assertThat(api.get(ports[1], provider, tenantA).statusCode()).isEqualTo(403);

            // what crossed between the instances: signed scopes, never the caller's token
            assertThat(tenantIds(api.get(ports[0], "/api/v1/tenants" + range, tenantA))).containsExactly("tenant-a");
            List<RecordingProxy.Received> forwarded = proxy.received();
            assertThat(forwarded).as("queries the first instance forwarded to the second").isNotEmpty();
            assertThat(forwarded).allSatisfy(request -> assertThat(request.headers())
                    .doesNotContainKey("authorization")
                    .containsKeys("x-gatewatch-forwarded-scope", "x-gatewatch-forwarded-at",
                            "x-gatewatch-forwarded-signature"));
            assertThat(forwarded).extracting(r -> r.headers().get("x-gatewatch-forwarded-scope"))
                    .as("the callers' scopes: the admin's and the tenant's").contains("*", "tenant-a");
            RecordingProxy.Received scoped = forwarded.stream()
                    .filter(r -> "tenant-a".equals(r.headers().get("x-gatewatch-forwarded-scope")))
                    .reduce((first, last) -> last).orElseThrow();
            assertThat(forwardedRefusals(ports[1], scoped)).containsOnly(401);
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports[0] + "/health/live")).build(), HttpResponse.BodyHandlers.ofString()))
                    .as("no plain HTTP").isInstanceOf(IOException.class);
            // every event is at least one dedup-store write: what state costs shows in the metric
            double changelogRecords = registries.stream().mapToDouble(r -> r.get("gatewatch.state.changelog.records")
                    .functionCounter().count()).sum();
            assertThat(changelogRecords).as("changelog records of both instances").isGreaterThanOrEqualTo(2_000);
            double decoded = registries.stream().mapToDouble(r -> r.find("gatewatch.ingest.events").counters().stream()
                    .mapToDouble(c -> c.count()).sum()).sum();
            assertThat(decoded).as("events decoded by both instances (a rebalance may replay a few)").isGreaterThanOrEqualTo(2_000);
            assertThat(registries).allSatisfy(r -> assertThat(r.find("gatewatch.state.changelog.records.per.event")
                    .gauge()).isNotNull());
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).as("log lines")
                    .noneMatch(line -> line.contains(ADMIN) || line.contains(SCOPED) || line.contains(SECRET)
                            || line.contains(tenantA) || line.contains(allTenants));
        } finally {
            apis.forEach(ApiServer::close);
            apps.forEach(GatewatchApp::close);
        }
    }

    /**
     * A request to the second instance's own port for each way to forge a forwarded one: a wider
     * scope (the recorded one is tenant-a's) or another path under a recorded signature, a made-up signature with a valid admin token
     * beside it, no signature, the former unsigned marker. Each status, to be all 401.
     */
    private List<Integer> forwardedRefusals(int port, RecordingProxy.Received recorded) throws Exception {
        Map<String, String> headers = recorded.headers();
        String scope = "x-gatewatch-forwarded-scope";
        String at = "x-gatewatch-forwarded-at";
        String signature = "x-gatewatch-forwarded-signature";
        List<Map<String, String>> forged = List.of(
                Map.of(scope, "*", at, headers.get(at), signature, headers.get(signature)),
                Map.of(scope, "*", at, String.valueOf(Instant.now().getEpochSecond()), signature, "forged",
                        "Authorization", "Bearer " + ADMIN),
                Map.of(scope, "*", at, String.valueOf(Instant.now().getEpochSecond()), "Authorization", "Bearer " + ADMIN),
                Map.of("X-Gatewatch-Forwarded", "true", "Authorization", "Bearer " + SCOPED));
        List<Integer> statuses = new ArrayList<>();
        for (Map<String, String> request : forged) {
            statuses.add(api.send(port, recorded.pathAndQuery(), request).statusCode());
        }
        Map<String, String> moved = Map.of(scope, headers.get(scope), at, headers.get(at), signature, headers.get(signature));
        statuses.add(api.send(port, "/api/v1/tenants/tenant-b/users/locked0@x.com/diagnosis", moved).statusCode());
        return statuses;
    }

    private static GatewatchConfig config(KafkaBroker broker, Path stateDir, int port, int advertisedPort, Path tokens,
                                          SelfSignedKeyStore keyStore, String issuer) {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", broker.bootstrapServers());
        values.put("application.id", "api-it");
        values.put("application.server", "127.0.0.1:" + advertisedPort);
        values.put("http.port", String.valueOf(port));
        values.put("api.tokens.file", tokens.toString());
        values.put("http.tls.keystore.path", keyStore.file().toString());
        values.put("http.tls.keystore.password", keyStore.password());
        values.put("api.internal.secret", SECRET);
        values.put("api.oidc.issuer", issuer);
        values.put("api.oidc.audience", AUDIENCE);
        values.put("topic.partitions", "4");
        values.put("window.grace", "PT1H"); // the input spans 30 minutes: nothing may be dropped as late
        values.put("state.dir", stateDir.toString());
        values.put("commit.interval.ms", "200");
        values.put("rule.CROSS_TENANT_SPRAY.enabled", "true");
        values.put("tenant.tenant-a.name", "Tenant A Ltd");
        values.put("rule.CROSS_TENANT_SPRAY.tenants", String.valueOf(TENANTS.size()));
        for (String topic : new String[] {"signin-events", "dynamics-access", "dynamics-orgs", "alerts", "aggregates",
                "aggregates-daily", "classified", "dlq"}) {
            values.put("topic." + topic, "api-" + topic);
        }
        return ConfigLoader.build(values);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
