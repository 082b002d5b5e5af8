package io.gatewatch.aggregate;

import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Outcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A tenant window's sign-ins and failures broken down by every {@link Dimension}, each in a
 * {@link DimensionSummary} of bounded size: a tenant window never holds more than the dimensions'
 * capacities together (about 580 rows, 128 of them pairs of a value and a failing user for the
 * drill-down), whatever its traffic. Part of {@link TenantWindowCounts},
 * so the breakdowns are stored, rolled up and corrected by late events with the window's counts.
 */
public final class Breakdowns {

    private static final Dimension[] DIMENSIONS = Dimension.values();

    private final Map<Dimension, DimensionSummary> byDimension = new EnumMap<>(Dimension.class);

    /** Breakdowns as stored. */
    public static Breakdowns restore(Map<Dimension, DimensionSummary> summaries) {
        Breakdowns breakdowns = new Breakdowns();
        breakdowns.byDimension.putAll(summaries);
        return breakdowns;
    }

    /** The dimensions that have seen a value. */
    public Map<Dimension, DimensionSummary> byDimension() {
        return Collections.unmodifiableMap(byDimension);
    }

    /** The dimension's summary; an empty one when it has seen no value. */
    public DimensionSummary of(Dimension dimension) {
        DimensionSummary summary = byDimension.get(dimension);
        return summary == null ? new DimensionSummary(dimension) : summary;
    }

    /** Counts the event under each of its values; {@code userHash} is its user's, 0 for none. */
    void add(ClassifiedEvent event, long userHash) {
        boolean failure = event.classification().outcome() == Outcome.FAILURE;
        Adder adder = new Adder(failure, failure ? userHash : 0); // one object per event, not one lambda per dimension
        for (Dimension dimension : DIMENSIONS) {
            if (!failure && dimension.pairedWithUser() != null) {
                continue; // pairs count failures only: a success would cost a string per pair and drill into nothing
            }
            adder.dimension = dimension;
            dimension.eachValue(event, adder);
        }
    }

    /** Counts each value it is given under the current dimension. */
    private final class Adder implements Consumer<String> {

        private final boolean failure;
        private final long failingUser;
        private Dimension dimension;

        Adder(boolean failure, long failingUser) {
            this.failure = failure;
            this.failingUser = failingUser;
        }

        @Override
        public void accept(String value) {
            // a user's row (or a pair's) is one user: no sketch to count it
            byDimension.computeIfAbsent(dimension, DimensionSummary::new).add(value, failure,
                    dimension == Dimension.USER || dimension.pairedWithUser() != null ? 0 : failingUser);
        }
    }

    void merge(Breakdowns other) {
        other.byDimension.forEach((dimension, summary) -> {
            DimensionSummary own = byDimension.get(dimension);
            if (own == null) {
                byDimension.put(dimension, summary.copy());
            } else {
                own.merge(summary);
            }
        });
    }

    /** Heap the breakdowns take, about. */
    public long weight() {
        long bytes = 48;
        for (DimensionSummary summary : byDimension.values()) {
            bytes += summary.weight();
        }
        return bytes;
    }
}
