package io.gatewatch.aggregate;

import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.schema.TenantAggregate;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The running counts of one tenant's window: totals, per outcome and category, distinct users per
 * failing category, and error codes. Plain Java; mutable while the window is open (the streams app
 * stores it after every update, {@code WindowCountsSerde}).
 *
 * <p>Distinct users per category are exact up to 64, then estimated (HyperLogLog, about 3 %):
 * see {@link DistinctCounter}. The window's {@link Breakdowns} (by app, country, error code, user,
 * ...) are part of it: added, merged into hours and days and corrected with the counts.
 */
public final class TenantWindowCounts {

    static final int TOP_CODES = 5;

    private long total;
    private final Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
    private final Map<Category, Long> byCategory = new EnumMap<>(Category.class);
    private final Map<Category, DistinctCounter> usersByCategory = new EnumMap<>(Category.class);
    private final Map<Integer, Long> errorCodes = new LinkedHashMap<>();
    private Breakdowns breakdowns = new Breakdowns();
    /** The tenant's name as its members' sign-ins in this window gave it ({@code homeTenantName}); null when none did. */
    private String tenantName;

    /** Counts as stored. */
    public static TenantWindowCounts restore(long total, Map<Outcome, Long> byOutcome, Map<Category, Long> byCategory,
                                             Map<Category, DistinctCounter> usersByCategory,
                                             Map<Integer, Long> errorCodes) {
        TenantWindowCounts counts = new TenantWindowCounts();
        counts.total = total;
        counts.byOutcome.putAll(byOutcome);
        counts.byCategory.putAll(byCategory);
        counts.usersByCategory.putAll(usersByCategory);
        counts.errorCodes.putAll(errorCodes);
        return counts;
    }

    /** Counts and breakdowns as stored. */
    public static TenantWindowCounts restore(long total, Map<Outcome, Long> byOutcome, Map<Category, Long> byCategory,
                                             Map<Category, DistinctCounter> usersByCategory,
                                             Map<Integer, Long> errorCodes, Breakdowns breakdowns) {
        TenantWindowCounts counts = restore(total, byOutcome, byCategory, usersByCategory, errorCodes);
        counts.breakdowns = breakdowns;
        return counts;
    }

    public long total() {
        return total;
    }

    public Map<Outcome, Long> byOutcome() {
        return Collections.unmodifiableMap(byOutcome);
    }

    public Map<Category, Long> byCategory() {
        return Collections.unmodifiableMap(byCategory);
    }

    public Map<Category, DistinctCounter> usersByCategory() {
        return Collections.unmodifiableMap(usersByCategory);
    }

    public Map<Integer, Long> errorCodes() {
        return Collections.unmodifiableMap(errorCodes);
    }

    /** The tenant's name as the window's sign-ins carried it; null when none did. */
    public String tenantName() {
        return tenantName;
    }

    /** As stored. */
    public TenantWindowCounts withTenantName(String name) {
        tenantName = name;
        return this;
    }

    /** The window's sign-ins and failures by app, country, error code, user, ... */
    public Breakdowns breakdowns() {
        return breakdowns;
    }

    /** Heap these counts take, about: the counters and sketches, and the breakdowns. */
    public long weight() {
        return 8192 + breakdowns.weight();
    }

    public TenantWindowCounts add(ClassifiedEvent event) {
        total++;
        byOutcome.merge(event.classification().outcome(), 1L, Long::sum);
        Category category = event.classification().category();
        byCategory.merge(category, 1L, Long::sum);
        int code = event.classification().errorCode();
        if (code != 0) {
            errorCodes.merge(code, 1L, Long::sum);
        }
        String user = event.event().userPrincipalName();
        long userHash = 0;
        if (category != Category.SUCCESS && user != null) {
            userHash = DistinctCounter.hash(user.toLowerCase(Locale.ROOT));
            usersByCategory.computeIfAbsent(category, c -> new DistinctCounter()).addHash(userHash);
        }
        breakdowns.add(event, userHash);
        if (event.event() instanceof SignInEvent signIn && signIn.ownTenantName() != null) {
            tenantName = signIn.ownTenantName();
        }
        return this;
    }

    /** Adds another window's counts: how minute windows roll up into hours and days. */
    public TenantWindowCounts merge(TenantWindowCounts other) {
        total += other.total;
        other.byOutcome.forEach((outcome, n) -> byOutcome.merge(outcome, n, Long::sum));
        other.byCategory.forEach((category, n) -> byCategory.merge(category, n, Long::sum));
        other.errorCodes.forEach((code, n) -> errorCodes.merge(code, n, Long::sum));
        other.usersByCategory.forEach((category, users) ->
                usersByCategory.computeIfAbsent(category, c -> new DistinctCounter()).merge(users));
        breakdowns.merge(other.breakdowns);
        if (other.tenantName != null) {
            tenantName = other.tenantName; // hours and days take the later minutes' name
        }
        return this;
    }

    public TenantAggregate toAggregate(String tenantId, Instant windowStart, Instant windowEnd) {
        Map<Category, Integer> distinctUsers = new EnumMap<>(Category.class);
        usersByCategory.forEach((category, users) -> distinctUsers.put(category, (int) users.count()));
        Map<Integer, Long> top = new LinkedHashMap<>();
        errorCodes.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_CODES)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return new TenantAggregate(tenantId, windowStart, windowEnd, total, byOutcome, byCategory, distinctUsers, top);
    }
}
