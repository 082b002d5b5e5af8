package io.gatewatch.app.api;

import io.gatewatch.aggregate.BreakdownRow;
import io.gatewatch.aggregate.Dimension;
import io.gatewatch.aggregate.DimensionSummary;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.ErrorCodeDescriptions;
import java.util.function.UnaryOperator;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /breakdown} and {@code /movers} from a tenant's merged summaries ({@link BreakdownQuery}):
 * rows labelled for an admin (an error code with Microsoft's description and Gatewatch's category,
 * a category in words), and the values whose failures rose most against a baseline period of the
 * same length: the one before, or the same hours a week earlier.
 */
final class BreakdownAnswers {

    private final BreakdownQuery query;
    /** A tenant's display name, null when it has none. */
    private final UnaryOperator<String> tenants;
    private final ErrorCodeDescriptions descriptions = ErrorCodeDescriptions.defaults();
    private final ClassificationData codes = ClassificationData.defaults();

    BreakdownAnswers(BreakdownQuery query, UnaryOperator<String> tenants) {
        this.query = query;
        this.tenants = tenants;
    }

    ApiViews.Breakdown breakdown(String tenant, Dimension by, Instant from, Instant to, int limit, boolean all) {
        BreakdownQuery.Covered covered = query.summarize(tenant, by, from, to,
                query.step(from, Duration.between(from, to)));
        Comparator<BreakdownRow> order = all ? Comparator.comparingLong(BreakdownRow::signIns).reversed()
                : Comparator.comparingLong(BreakdownRow::failures).reversed();
        List<ApiViews.BreakdownRow> rows = covered.summary().rows().stream()
                .filter(row -> all || row.failures() > 0)
                .sorted(order.thenComparing(BreakdownRow::value)).limit(limit)
                .map(row -> view(by, row)).toList();
        DimensionSummary summary = covered.summary();
        return new ApiViews.Breakdown(tenant, tenants.apply(tenant), by.parameter(), null, covered.from(), covered.to(),
                all ? "all" : "failure", rows, !summary.exact(), errorBound(summary));
    }

    /**
     * The users who failed on one value of {@code of} (an app, country, error code or policy), most failures first,
     * from the pairs of value and failing user the windows keep: pairs count failures only, so a row's sign-ins are
     * its failures; a user not listed failed there at most {@code errorBound} times.
     */
    ApiViews.Breakdown failingUsers(String tenant, Dimension of, String value, Instant from, Instant to, int limit) {
        BreakdownQuery.Covered covered = query.summarize(tenant, Dimension.usersOf(of), from, to,
                query.step(from, Duration.between(from, to)));
        String prefix = value + Dimension.PAIR_SEPARATOR;
        List<ApiViews.BreakdownRow> rows = covered.summary().rows().stream()
                .filter(row -> row.value().startsWith(prefix) && row.failures() > 0)
                .sorted(Comparator.comparingLong(BreakdownRow::failures).reversed().thenComparing(BreakdownRow::value))
                .limit(limit).map(row -> {
                    String user = row.value().substring(prefix.length());
                    return new ApiViews.BreakdownRow(user, user, null, row.failures(), row.failures(), 1, 1, row.error());
                }).toList();
        DimensionSummary summary = covered.summary();
        return new ApiViews.Breakdown(tenant, tenants.apply(tenant), Dimension.USER.parameter(),
                of.parameter() + ":" + value, covered.from(), covered.to(), "failure", rows, !summary.exact(),
                errorBound(summary));
    }

    ApiViews.Movers movers(String tenant, Dimension by, Instant from, Instant to, String baseline, int limit) {
        Duration span = Duration.between(from, to);
        Duration back = switch (baseline) {
            case "previous" -> span;
            case "lastWeek" -> Duration.ofDays(7);
            default -> throw new IllegalArgumentException("baseline must be previous or lastWeek");
        };
        Duration step = query.step(from.minus(back), span);
        BreakdownQuery.Covered now = query.summarize(tenant, by, from, to, step);
        BreakdownQuery.Covered before = query.summarize(tenant, by, now.from().minus(back), now.to().minus(back), step);
        Map<String, BreakdownRow> earlier = new HashMap<>();
        before.summary().rows().forEach(row -> earlier.put(row.value(), row));
        Set<String> values = new HashSet<>(earlier.keySet());
        now.summary().rows().forEach(row -> values.add(row.value()));
        Map<String, BreakdownRow> current = new HashMap<>();
        now.summary().rows().forEach(row -> current.put(row.value(), row));
        List<ApiViews.Mover> rows = values.stream().map(value -> {
            BreakdownRow c = current.get(value);
            BreakdownRow b = earlier.get(value);
            long failures = c == null ? 0 : c.failures();
            long baselineFailures = b == null ? 0 : b.failures();
            return new ApiViews.Mover(value, label(by, value), category(by, value), failures, baselineFailures,
                    failures - baselineFailures, baselineFailures == 0 ? null : (double) failures / baselineFailures,
                    c == null ? 0 : c.signIns(), b == null ? 0 : b.signIns());
        }).filter(mover -> mover.change() > 0)
                .sorted(Comparator.comparingLong(ApiViews.Mover::change).reversed()
                        .thenComparing(ApiViews.Mover::value)).limit(limit).toList();
        return new ApiViews.Movers(tenant, tenants.apply(tenant), by.parameter(), now.from(), now.to(), baseline,
                before.from(), before.to(), rows, !now.summary().exact() || !before.summary().exact(),
                Math.max(errorBound(now.summary()), errorBound(before.summary())));
    }

    /** The most any listed row's failures may exceed the true count, or a value not listed may have. */
    private static long errorBound(DimensionSummary summary) {
        return Math.max(summary.floor(), summary.rows().stream().mapToLong(BreakdownRow::error).max().orElse(0));
    }

    private ApiViews.BreakdownRow view(Dimension by, BreakdownRow row) {
        return new ApiViews.BreakdownRow(row.value(), label(by, row.value()), category(by, row.value()), row.signIns(),
                row.failures(), row.signIns() == 0 ? 0 : (double) row.failures() / row.signIns(),
                by == Dimension.USER ? (row.failures() > 0 ? 1 : 0) : row.distinctUsers(), row.error());
    }

    private String label(Dimension by, String value) {
        if (by == Dimension.ERROR_CODE) {
            String description = descriptions.of(code(value));
            return description == null ? value : description;
        }
        if (by == Dimension.CATEGORY) {
            String words = value.replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
        return value;
    }

    /** An error code's category in Gatewatch's table (before refinements by other fields); null for other dimensions. */
    private String category(Dimension by, String value) {
        return by == Dimension.ERROR_CODE ? codes.ruleFor(code(value)).category().name() : null;
    }

    private static int code(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }
}
