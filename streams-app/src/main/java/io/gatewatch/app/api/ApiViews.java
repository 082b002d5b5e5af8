package io.gatewatch.app.api;

import io.gatewatch.schema.Category;
import io.gatewatch.schema.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The API's JSON shapes (docs/api.md). */
final class ApiViews {

    private ApiViews() {
    }

    record TenantSummary(String tenantId, long signIns, long failures, Instant lastSeen) {
    }

    record TrendPoint(Instant windowStart, Instant windowEnd, long total, Map<Outcome, Long> byOutcome,
                      Map<Category, Long> byCategory, Map<Integer, Long> topErrorCodes, double failureRate,
                      boolean open) {
    }

    record Trends(String tenantId, String step, List<TrendPoint> points) {
    }

    record Error(String error) {
    }
}
