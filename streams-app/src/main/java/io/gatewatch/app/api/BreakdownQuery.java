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
 * it and are still kept: minutes for a range no longer than {@code aggregate.retention} (6 h by
 * default) that starts within it, hours for up to a week within {@code aggregate.hour-retention},
 * days beyond. Minutes come first because the hours and days hold closed minutes only: "the last
 * 6 hours" from the hours would miss the newest minutes (in a fresh demo, all of them). The range is
 * widened to whole windows, and a minutes' range that starts a little before the oldest minute
 * kept (a browser's "now − 6 h") starts at that minute instead; the answer says which range it covers.
 */
final class BreakdownQuery {

    static final Duration HOUR_SPAN = Duration.ofDays(7);
    /** How far before the oldest kept minute a range may start (and how much longer than the retention it may be:
     *  a browser's clock runs a little behind or ahead) and still be answered from minutes. */
    static final Duration MINUTE_SLACK = Duration.ofMinutes(10);

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
        if (span.compareTo(minuteRetention.plus(MINUTE_SLACK)) <= 0
                && !oldest.isBefore(oldestMinute().minus(MINUTE_SLACK))) {
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
        Instant start = step.equals(windowSize) && from.isBefore(oldestMinute()) ? oldestMinute() : from;
        long first = Math.floorDiv(start.toEpochMilli(), size) * size;
        long end = Math.max(first + size, -Math.floorDiv(-to.toEpochMilli(), size) * size);
        DimensionSummary merged = new DimensionSummary(dimension);
        try (WindowStoreIterator<TenantWindowCounts> windows = stores.apply(store)
                .fetch(tenant, Instant.ofEpochMilli(first), Instant.ofEpochMilli(end - 1))) {
            windows.forEachRemaining(window -> merged.merge(window.value.breakdowns().of(dimension)));
        }
        return new Covered(Instant.ofEpochMilli(first), Instant.ofEpochMilli(end), merged);
    }

    /** The start of the oldest minute window the store is sure to keep in full. */
    private Instant oldestMinute() {
        long size = windowSize.toMillis();
        long oldest = clock.instant().minus(minuteRetention).toEpochMilli();
        return Instant.ofEpochMilli(-Math.floorDiv(-oldest, size) * size);
    }
}
