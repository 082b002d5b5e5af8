package io.gatewatch.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param daySummary              on a finished day's record only: its top failing apps and users, what
 *                                rose against the day before, its alerts; absent on minute records
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
        boolean correction,
        @JsonInclude(JsonInclude.Include.NON_NULL) DaySummary daySummary) {

    public TenantAggregate {
        byOutcome = byOutcome == null ? Map.of() : Map.copyOf(byOutcome);
        byCategory = byCategory == null ? Map.of() : Map.copyOf(byCategory);
        distinctUsersByCategory = distinctUsersByCategory == null ? Map.of() : Map.copyOf(distinctUsersByCategory);
        topErrorCodes = topErrorCodes == null ? Map.of() : Map.copyOf(topErrorCodes);
    }

    /** The window's first record, without a day's summary. */
    public TenantAggregate(String tenantId, Instant windowStart, Instant windowEnd, long total,
                           Map<Outcome, Long> byOutcome, Map<Category, Long> byCategory,
                           Map<Category, Integer> distinctUsersByCategory, Map<Integer, Long> topErrorCodes) {
        this(tenantId, windowStart, windowEnd, total, byOutcome, byCategory, distinctUsersByCategory, topErrorCodes,
                false, null);
    }

    /** The same counts, marked as replacing an earlier record of this tenant and window. */
    public TenantAggregate asCorrection() {
        return new TenantAggregate(tenantId, windowStart, windowEnd, total, byOutcome, byCategory,
                distinctUsersByCategory, topErrorCodes, true, daySummary);
    }

    /** The same counts with the day's summary. */
    public TenantAggregate withDaySummary(DaySummary summary) {
        return new TenantAggregate(tenantId, windowStart, windowEnd, total, byOutcome, byCategory,
                distinctUsersByCategory, topErrorCodes, correction, summary);
    }
}
