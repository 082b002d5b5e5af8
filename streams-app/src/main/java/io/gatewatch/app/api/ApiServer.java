package io.gatewatch.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.format.DateTimeParseException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator surface over HTTP (Javalin): the trends, alerts and diagnosis API under
 * {@code /api/v1} (bearer tokens, see {@link AccessTokens}), the dashboard at {@code /}, health
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
                new Diagnoser(ClassificationData.defaults()), Clock.systemUTC());
        QueryRouter router = new QueryRouter(streams, config.applicationServer());
        TenantEndpoints tenants = new TenantEndpoints(local, router, tokens);
        ProviderEndpoints provider = new ProviderEndpoints(local, router, tokens,
                new CrossTenantSprayRule(config.rules()).enabled());
        byte[] openApi = resource("/gatewatch/openapi.json");
        BrokerProbe probe = new BrokerProbe(config.kafka());
        Javalin server = Javalin.create(app -> {
            app.startup.showJavalinBanner = false;
            app.staticFiles.add("/gatewatch/dashboard", Location.CLASSPATH);
            app.staticFiles.enableWebjars();
            app.routes.get("/health/live", ctx -> json(ctx, new Health("live")));
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
            app.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            app.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            app.routes.exception(DateTimeParseException.class, (e, ctx) ->
                    error(ctx, 400, "from and to must be ISO-8601 instants such as 2026-11-01T10:00:00Z"));
            app.routes.exception(InvalidStateStoreException.class, (e, ctx) ->
                    error(ctx, 503, "state is being restored or rebalanced; retry"));
            app.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("API request failed ({})", e.getClass().getSimpleName());
                error(ctx, 500, "internal error");
            });
        }).start(host, port);
        LOG.info("HTTP API and dashboard on {} port {}", host, server.port());
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

    private static void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        try {
            json(ctx, new ApiViews.Error(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
