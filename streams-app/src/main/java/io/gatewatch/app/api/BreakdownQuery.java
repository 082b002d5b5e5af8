package io.gatewatch.app.api;

import io.gatewatch.aggregate.Dimension;
import io.gatewatch.aggregate.DimensionSummary;
import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.app.topology.GatewatchTopology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * One dimension of a tenant's breakdowns over a range, merged from the finest windows that cover
 * it and are still kept: minutes for a range of up to three hours within {@code aggregate.retention},
 * hours for up to a week within {@code aggregate.hour-retention}, days beyond. The range is widened
 * to whole windows; the answer says which range it covers.
 */
final class BreakdownQuery {

    static final Duration MINUTE_SPAN = Duration.ofHours(3);
    static final Duration HOUR_SPAN = Duration.ofDays(7);

    /** The merged summary and the range its windows cover. */
    record Covered(Instant from, Instant to, DimensionSummary summary) {
    }

    private final Function<String, ReadOnlyWindowStore<String, TenantWindowCounts>> stores;
    private final Duration windowSize;
    private final Duration minuteRetention;
    private final Duration hourRetention;
    private final Clock clock;

    BreakdownQuery(Function<String, ReadOnlyWindowStore<String, TenantWindowCounts>> stores, Duration windowSize,
                   Duration minuteRetention, Duration hourRetention, Clock clock) {
        this.stores = stores;
        this.windowSize = windowSize;
        this.minuteRetention = minuteRetention;
        this.hourRetention = hourRetention;
        this.clock = clock;
    }

    /** The window size that serves a range starting at {@code oldest} and {@code span} long. */
    Duration step(Instant oldest, Duration span) {
        Instant now = clock.instant();
        if (span.compareTo(MINUTE_SPAN) <= 0 && !oldest.isBefore(now.minus(minuteRetention).plus(windowSize))) {
            return windowSize;
        }
        if (span.compareTo(HOUR_SPAN) <= 0 && !oldest.isBefore(now.minus(hourRetention).plus(Duration.ofHours(1)))) {
            return Duration.ofHours(1);
        }
        return Duration.ofDays(1);
    }

    Covered summarize(String tenant, Dimension dimension, Instant from, Instant to, Duration step) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        String store = step.equals(windowSize) ? GatewatchTopology.AGGREGATE_STORE
                : step.equals(Duration.ofHours(1)) ? GatewatchTopology.HOURS_STORE : GatewatchTopology.DAYS_STORE;
        long size = step.toMillis();
        long first = Math.floorDiv(from.toEpochMilli(), size) * size;
        long end = Math.max(first + size, -Math.floorDiv(-to.toEpochMilli(), size) * size);
        DimensionSummary merged = new DimensionSummary(dimension);
        try (WindowStoreIterator<TenantWindowCounts> windows = stores.apply(store)
                .fetch(tenant, Instant.ofEpochMilli(first), Instant.ofEpochMilli(end - 1))) {
            windows.forEachRemaining(window -> merged.merge(window.value.breakdowns().of(dimension)));
        }
        return new Covered(Instant.ofEpochMilli(first), Instant.ofEpochMilli(end), merged);
    }
}
