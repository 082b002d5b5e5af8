package io.gatewatch.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.app.config.ApiSettings;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.rules.windowed.CrossTenantSprayRule;
import io.gatewatch.diagnose.Diagnoser;
import io.gatewatch.schema.read.JsonMappers;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator surface over HTTP, or HTTPS only with {@code http.tls.keystore.path} (Javalin): the
 * trends, alerts and diagnosis API under {@code /api/v1} (bearer tokens, see {@link Callers}), the dashboard at {@code /}, health
 * at {@code /health/live} and {@code /health/ready}, Prometheus text at {@code /metrics}, the
 * OpenAPI document at {@code /api/v1/openapi.json}. Dashboard, health, metrics and the OpenAPI
 * document are open; every {@code /api/v1/tenants} path needs a token.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    static final ObjectMapper JSON = JsonMappers.internal();

    private final Javalin server;
    private final BrokerProbe probe;

    private ApiServer(Javalin server, BrokerProbe probe) {
        this.server = server;
        this.probe = probe;
    }

    /** Starts on {@code http.port} (0 there means off: returns null); {@code metrics} may be null. */
    public static ApiServer start(GatewatchConfig config, KafkaStreams streams, AccessTokens tokens,
                                  PrometheusMeterRegistry metrics) {
        return start(config, config.api().httpPort(), streams, tokens, metrics);
    }

    /** As {@link #start(GatewatchConfig, KafkaStreams, AccessTokens, PrometheusMeterRegistry)} on a given port (0: any free one). */
    public static ApiServer start(GatewatchConfig config, int port, KafkaStreams streams, AccessTokens tokens,
                                  PrometheusMeterRegistry metrics) {
        return start(config, "0.0.0.0", port, streams, tokens, metrics);
    }

    /** On a given address ({@code 127.0.0.1}: this machine only; {@code 0.0.0.0}: every interface) and port. */
    public static ApiServer start(GatewatchConfig config, String host, int port, KafkaStreams streams,
                                  AccessTokens tokens, PrometheusMeterRegistry metrics) {
        LocalQueries local = new LocalQueries(streams, config.windowSize(), config.grace(),
                new Diagnoser(ClassificationData.defaults()), Clock.systemUTC(), config.api().tenantNames());
        ApiSettings api = config.api();
        BreakdownAnswers breakdowns = new BreakdownAnswers(new BreakdownQuery(local::windows, config.windowSize(),
                config.aggregateRetention(), api.hourRetention(), Clock.systemUTC()), local::nameOf);
        ForwardSignature signature = api.internalSecret() == null ? null
                : new ForwardSignature(api.internalSecret(), Clock.systemUTC());
        if (signature == null && config.applicationServer() != null) {
            LOG.warn("application.server is set but api.internal.secret is not: queries another instance must answer"
                    + " are refused with 503 until every instance has the same secret");
        }
        QueryRouter router = new QueryRouter(streams, config.applicationServer(), signature,
                api.tls() == null ? null : ForwardingTrust.sslContext(api.tls()));
        Callers callers = new Callers(tokens, api.oidc() == null ? null : new OidcTokens(api.oidc(), Clock.systemUTC()),
                signature);
        TenantEndpoints tenants = new TenantEndpoints(local, breakdowns, router, callers);
        ProviderEndpoints provider = new ProviderEndpoints(local, router, callers,
                new CrossTenantSprayRule(config.rules()).enabled());
        byte[] openApi = resource("/gatewatch/openapi.json");
        BrokerProbe probe = new BrokerProbe(config.kafka());
        Javalin server = Javalin.create(app -> {
            app.startup.showJavalinBanner = false;
            if (api.tls() != null) {
                app.jetty.addConnector((jetty, http) -> HttpsConnector.create(jetty, http, api.tls(), host, port));
            }
            app.staticFiles.add("/gatewatch/dashboard", Location.CLASSPATH);
            app.staticFiles.enableWebjars();
            app.routes.get("/health/live", ctx -> {
                // an instance stopped in ERROR never processes again: a liveness probe must restart it
                KafkaStreams.State state = streams.state();
                boolean stopped = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
                ctx.status(stopped ? 503 : 200);
                json(ctx, new Health(stopped ? "not live: " + state : "live"));
            });
            app.routes.get("/health/ready", ctx -> {
                boolean broker = probe.reachable();
                boolean ready = broker && isReady(streams);
                ctx.status(ready ? 200 : 503);
                json(ctx, new Health(ready ? "ready" : broker ? "not ready: " + streams.state()
                        : "not ready: no broker answers at bootstrap.servers"));
            });
            if (metrics != null) {
                app.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
            }
            app.routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            tenants.register(app.routes);
            provider.register(app.routes);
            ApiErrors.register(app.routes);
        }).start(host, port);
        LOG.info("{} API and dashboard on {} port {}", api.tls() == null ? "HTTP" : "HTTPS", host, server.port());
        return new ApiServer(server, probe);
    }

    public int port() {
        return server.port();
    }

    /** Every route the server answers, as {@code METHOD path} (Javalin's own list, static files aside). */
    public java.util.List<String> routes() {
        return server.unsafe.internalRouter.allHttpHandlers().stream()
                .map(route -> route.endpoint.method + " " + route.endpoint.path).toList();
    }

    @Override
    public void close() {
        server.stop();
        probe.close();
    }

    record Health(String status) {
    }

    static boolean isReady(KafkaStreams streams) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        try {
            streams.store(StoreQueryParameters.fromNameAndType(GatewatchTopology.AGGREGATE_STORE,
                    QueryableStoreTypes.windowStore()));
            return true;
        } catch (InvalidStateStoreException e) {
            return false;
        }
    }

    static void json(Context ctx, Object value) throws IOException {
        ctx.contentType("application/json").result(JSON.writeValueAsString(value));
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
