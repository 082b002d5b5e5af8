package io.gatewatch.schema;

import java.time.Instant;
import java.util.Map;

/**
 * Per-tenant counts for one closed window (DESIGN §7), emitted once when the window closes.
 *
 * @param distinctUsersByCategory users affected per category (capped sets while counting)
 * @param topErrorCodes           the most frequent non-zero error codes and their counts
 */
public record TenantAggregate(
        String tenantId,
        Instant windowStart,
        Instant windowEnd,
        long total,
        Map<Outcome, Long> byOutcome,
        Map<Category, Long> byCategory,
        Map<Category, Integer> distinctUsersByCategory,
        Map<Integer, Long> topErrorCodes) {

    public TenantAggregate {
        byOutcome = byOutcome == null ? Map.of() : Map.copyOf(byOutcome);
        byCategory = byCategory == null ? Map.of() : Map.copyOf(byCategory);
        distinctUsersByCategory = distinctUsersByCategory == null ? Map.of() : Map.copyOf(distinctUsersByCategory);
        topErrorCodes = topErrorCodes == null ? Map.of() : Map.copyOf(topErrorCodes);
    }
}
