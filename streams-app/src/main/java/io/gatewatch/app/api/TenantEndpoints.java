package io.gatewatch.app.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gatewatch.aggregate.Dimension;
import io.gatewatch.schema.read.TenantIds;
import io.gatewatch.schema.read.UnreadableRecordException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code /api/v1/tenants...}: every request needs a bearer token ({@link Callers}); a tenant
 * outside the token's scope is 403 and missing from the list. A tenant's query is answered by the
 * instance that owns the tenant, forwarded there when it is another.
 */
final class TenantEndpoints {

    private static final String TENANT = "/api/v1/tenants/{tenantId}";

    private final LocalQueries local;
    private final BreakdownAnswers breakdowns;
    private final QueryRouter router;
    private final Callers callers;

    TenantEndpoints(LocalQueries local, BreakdownAnswers breakdowns, QueryRouter router, Callers callers) {
        this.local = local;
        this.breakdowns = breakdowns;
        this.router = router;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/tenants", this::tenants);
        routes.get(TENANT + "/trends", ctx -> answer(ctx, () -> local.trends(tenant(ctx),
                from(ctx, defaultSpan(step(ctx))), to(ctx), step(ctx))));
        routes.get(TENANT + "/alerts", ctx -> answer(ctx, () -> local.alerts(tenant(ctx),
                from(ctx, Duration.ofDays(7)), to(ctx), ctx.queryParam("rule"), limit(ctx))));
        routes.get(TENANT + "/breakdown", ctx -> answer(ctx, () -> breakdown(ctx)));
        routes.get(TENANT + "/movers", ctx -> answer(ctx, () -> breakdowns.movers(tenant(ctx), BreakdownParameters.by(ctx),
                from(ctx, Duration.ofHours(1)), to(ctx), BreakdownParameters.baseline(ctx), limit(ctx, 10))));
        routes.get(TENANT + "/users/{upn}/diagnosis", ctx -> answer(ctx, () -> local.diagnosis(tenant(ctx),
                ctx.pathParam("upn"))));
    }

    private ApiViews.Breakdown breakdown(Context ctx) {
        Dimension by = BreakdownParameters.by(ctx);
        BreakdownParameters.Where where = BreakdownParameters.where(ctx, by);
        Instant to = to(ctx);
        Instant from = ctx.queryParam("from") == null ? to.minus(Duration.ofHours(24)) : from(ctx, Duration.ZERO);
        return where == null ? breakdowns.breakdown(tenant(ctx), by, from, to, limit(ctx, 20), BreakdownParameters.all(ctx))
                : breakdowns.failingUsers(tenant(ctx), where.dimension(), where.value(), from, to, limit(ctx, 20));
    }

    /** The path's tenant in the records' spelling (a GUID in any case is the same tenant). */
    private static String tenant(Context ctx) {
        try {
            return TenantIds.normalise(ctx.pathParam("tenantId"));
        } catch (UnreadableRecordException e) {
            throw new ApiException(400, "the tenant id holds '|' or a control character, or is longer than 128 characters");
        }
    }

    private interface Query {
        Object run() throws IOException;
    }

    /** A tenant's query: authorised, then answered here or by the owning instance. */
    private void answer(Context ctx, Query query) throws IOException {
        AccessTokens.Scope scope = callers.scope(ctx);
        if (!scope.allows(tenant(ctx))) {
            throw new ApiException(403, "this token does not cover the tenant");
        }
        Optional<HostInfo> owner = Callers.forwarded(ctx) ? Optional.empty() : router.ownerOf(tenant(ctx));
        if (owner.isPresent()) {
            HttpResponse<String> response = router.forward(owner.get(), Callers.pathAndQuery(ctx), scope);
            ctx.status(response.statusCode()).contentType("application/json").result(response.body());
            return;
        }
        ApiServer.json(ctx, query.run());
    }

    private void tenants(Context ctx) throws IOException {
        AccessTokens.Scope scope = callers.scope(ctx);
        Instant from = from(ctx, Duration.ofHours(6));
        Instant to = to(ctx);
        List<ApiViews.TenantSummary> all = new ArrayList<>(local.tenants(from, to));
        if (!Callers.forwarded(ctx)) {
            all.addAll(router.gather("/api/v1/tenants?from=" + from + "&to=" + to, scope,
                    new TypeReference<List<ApiViews.TenantSummary>>() {
                    }));
        }
        ApiServer.json(ctx, all.stream().filter(t -> scope.allows(t.tenantId()))
                .sorted(Comparator.comparing(ApiViews.TenantSummary::tenantId)).toList());
    }

    static Instant to(Context ctx) {
        String to = ctx.queryParam("to");
        return to == null ? Instant.now() : Instant.parse(to);
    }

    static Instant from(Context ctx, Duration defaultSpan) {
        String from = ctx.queryParam("from");
        return from == null ? to(ctx).minus(defaultSpan) : Instant.parse(from);
    }

    private static String step(Context ctx) {
        String step = ctx.queryParam("step");
        return step == null ? "PT1M" : step;
    }

    /** The last 6 hours of minutes, a week of hours, a month of days. */
    private static Duration defaultSpan(String step) {
        return switch (step) {
            case "PT1H" -> Duration.ofDays(7);
            case "P1D" -> Duration.ofDays(30);
            default -> Duration.ofHours(6);
        };
    }

    static int limit(Context ctx) {
        return limit(ctx, 100);
    }

    static int limit(Context ctx, int defaultLimit) {
        String limit = ctx.queryParam("limit");
        int value = limit == null ? defaultLimit : Integer.parseInt(limit);
        if (value < 1 || value > 1_000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return value;
    }
}
