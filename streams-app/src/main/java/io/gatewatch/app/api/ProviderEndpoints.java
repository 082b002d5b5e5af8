package io.gatewatch.app.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gatewatch.schema.Alert;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/provider/alerts}: alerts about no single tenant (CROSS_TENANT_SPRAY), for tokens
 * that cover every tenant ({@code *}) only — a tenant's own token must not learn what happens in
 * the others. Each instance holds the alerts of the addresses it owns, so the answer gathers them
 * from every instance.
 */
final class ProviderEndpoints {

    private final LocalQueries local;
    private final QueryRouter router;
    private final Callers callers;
    private final boolean enabled;

    ProviderEndpoints(LocalQueries local, QueryRouter router, Callers callers, boolean enabled) {
        this.local = local;
        this.router = router;
        this.callers = callers;
        this.enabled = enabled;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/provider/alerts", this::alerts);
    }

    private void alerts(Context ctx) throws IOException {
        AccessTokens.Scope scope = callers.scope(ctx);
        if (!scope.allTenants()) {
            throw new ApiException(403, "provider alerts need a token for every tenant (*)");
        }
        if (!enabled) {
            throw new ApiException(404, "no provider-scoped rule is on (rule.CROSS_TENANT_SPRAY.enabled=false)");
        }
        Instant from = TenantEndpoints.from(ctx, Duration.ofDays(7));
        Instant to = TenantEndpoints.to(ctx);
        String rule = ctx.queryParam("rule");
        int limit = TenantEndpoints.limit(ctx);
        List<Alert> all = new ArrayList<>(local.providerAlerts(from, to, rule, limit));
        if (!Callers.forwarded(ctx)) {
            String query = "/api/v1/provider/alerts?from=" + from + "&to=" + to + "&limit=" + limit
                    + (rule == null ? "" : "&rule=" + URLEncoder.encode(rule, StandardCharsets.UTF_8));
            all.addAll(router.gather(query, scope, new TypeReference<List<Alert>>() {
            }));
        }
        ApiServer.json(ctx, LocalQueries.newestFirst(all, limit));
    }
}
