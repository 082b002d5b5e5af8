package io.gatewatch.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure as a status and a one-line JSON message that names no user data. */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        routes.exception(DateTimeParseException.class, (e, ctx) ->
                error(ctx, 400, "from and to must be ISO-8601 instants such as 2026-11-01T10:00:00Z"));
        routes.exception(InvalidStateStoreException.class, (e, ctx) ->
                error(ctx, 503, "state is being restored or rebalanced; retry"));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("API request failed ({})", e.getClass().getSimpleName());
            error(ctx, 500, "internal error");
        });
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        try {
            ApiServer.json(ctx, new ApiViews.Error(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
