package io.gatewatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The API's JSON shapes (docs/api.md). */
final class ApiViews {

    private ApiViews() {
    }

    /** @param tenantName the tenant's display name ({@code tenant.<id>.name}); null when none is configured */
    record TenantSummary(String tenantId, String tenantName, long signIns, long failures, Instant lastSeen) {
    }

    record TrendPoint(Instant windowStart, Instant windowEnd, long total, Map<Outcome, Long> byOutcome,
                      Map<Category, Long> byCategory, Map<Integer, Long> topErrorCodes, double failureRate,
                      boolean open) {
    }

    record Trends(String tenantId, String tenantName, String step, List<TrendPoint> points) {
    }

    /**
     * @param category Gatewatch's category of an error code; null for the other dimensions
     * @param users    distinct users among the row's failures (estimated)
     * @param failuresError how much {@code failures} (and {@code signIns}) may exceed the true count: 0 when exact
     */
    record BreakdownRow(String value, String label, @JsonInclude(JsonInclude.Include.NON_NULL) String category,
                        long signIns, long failures, double failureRate, long users, long failuresError) {
    }

    /**
     * @param approximate a value was left out or a row's count is an estimate (the dimension had more values than
     *                    it keeps per window)
     * @param errorBound  the most a row's failures may exceed the true count, or a value not listed may have
     * @param where       the value whose failing users are listed ({@code app:Outlook}); null for a plain breakdown
     */
    record Breakdown(String tenantId, String tenantName, String by,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String where, Instant from, Instant to, String outcome,
                     List<BreakdownRow> rows, boolean approximate, long errorBound) {
    }

    /** @param ratio failures over the baseline's; null when the baseline had none */
    record Mover(String value, String label, @JsonInclude(JsonInclude.Include.NON_NULL) String category,
                 long failures, long baselineFailures, long change, Double ratio, long signIns, long baselineSignIns) {
    }

    record Movers(String tenantId, String tenantName, String by, Instant from, Instant to, String baseline,
                  Instant baselineFrom, Instant baselineTo, List<Mover> rows, boolean approximate, long errorBound) {
    }

    record Error(String error) {
    }
}
