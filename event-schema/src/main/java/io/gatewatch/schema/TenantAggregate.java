package io.gatewatch.schema;

import java.time.Instant;
import java.util.Map;

/**
 * Per-tenant counts for one closed window (DESIGN §7), emitted when the window closes. A tenant
 * and window start identify it: a later record for the same pair (an event that arrived after the
 * window closed) replaces the earlier one, and says so with {@code correction}.
 *
 * @param distinctUsersByCategory users affected per category (capped sets while counting)
 * @param topErrorCodes           the most frequent non-zero error codes and their counts
 * @param correction              true when this replaces an earlier record of the same tenant and window
 */
public record TenantAggregate(
        String tenantId,
        Instant windowStart,
        Instant windowEnd,
        long total,
        Map<Outcome, Long> byOutcome,
        Map<Category, Long> byCategory,
        Map<Category, Integer> distinctUsersByCategory,
        Map<Integer, Long> topErrorCodes,
        boolean correction) {

    public TenantAggregate {
        byOutcome = byOutcome == null ? Map.of() : Map.copyOf(byOutcome);
        byCategory = byCategory == null ? Map.of() : Map.copyOf(byCategory);
        distinctUsersByCategory = distinctUsersByCategory == null ? Map.of() : Map.copyOf(distinctUsersByCategory);
        topErrorCodes = topErrorCodes == null ? Map.of() : Map.copyOf(topErrorCodes);
    }

    /** The window's first record. */
    public TenantAggregate(String tenantId, Instant windowStart, Instant windowEnd, long total,
                           Map<Outcome, Long> byOutcome, Map<Category, Long> byCategory,
                           Map<Category, Integer> distinctUsersByCategory, Map<Integer, Long> topErrorCodes) {
        this(tenantId, windowStart, windowEnd, total, byOutcome, byCategory, distinctUsersByCategory, topErrorCodes,
                false);
    }

    /** The same counts, marked as replacing an earlier record of this tenant and window. */
    public TenantAggregate asCorrection() {
        return new TenantAggregate(tenantId, windowStart, windowEnd, total, byOutcome, byCategory,
                distinctUsersByCategory, topErrorCodes, true);
    }
}
