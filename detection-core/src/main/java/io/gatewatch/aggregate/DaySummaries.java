package io.gatewatch.aggregate;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.DaySummary;
import io.gatewatch.schema.Severity;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * A finished day's {@link DaySummary} from its roll-up, the day before's and the day's alerts. An
 * app missing from the day before's summary had at most that summary's floor of failures (0 when
 * nothing was left out), so a rise is never overstated.
 */
public final class DaySummaries {

    private DaySummaries() {
    }

    /** @param previous the day before's counts; null when the tenant had none */
    public static DaySummary of(TenantWindowCounts day, TenantWindowCounts previous, List<Alert> alerts) {
        DimensionSummary apps = day.breakdowns().of(Dimension.APP);
        DimensionSummary before = previous == null ? new DimensionSummary(Dimension.APP)
                : previous.breakdowns().of(Dimension.APP);
        List<DaySummary.Rise> rose = apps.rows().stream()
                .map(row -> new DaySummary.Rise(row.value(), row.failures(), failuresBefore(before, row.value())))
                .filter(rise -> rise.failures() > rise.previousFailures())
                .sorted(Comparator.comparingLong((DaySummary.Rise r) -> r.failures() - r.previousFailures()).reversed()
                        .thenComparing(DaySummary.Rise::value))
                .limit(DaySummary.TOP).toList();
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        Map<String, Long> byRule = new TreeMap<>();
        for (Alert alert : alerts) {
            if (!alert.update()) { // an update reports an incident already counted
                bySeverity.merge(alert.severity(), 1L, Long::sum);
                byRule.merge(alert.rule(), 1L, Long::sum);
            }
        }
        return new DaySummary(top(apps), top(day.breakdowns().of(Dimension.USER)), rose, bySeverity, byRule);
    }

    private static List<DaySummary.Top> top(DimensionSummary summary) {
        ToLongFunction<BreakdownRow> failures = BreakdownRow::failures;
        return summary.rows().stream().filter(row -> row.failures() > 0)
                .sorted(Comparator.comparingLong(failures).reversed().thenComparing(BreakdownRow::value))
                .limit(DaySummary.TOP)
                .map(row -> new DaySummary.Top(row.value(), row.failures(), row.signIns(), row.error())).toList();
    }

    private static long failuresBefore(DimensionSummary before, String app) {
        return before.rows().stream().filter(row -> row.value().equals(app)).mapToLong(BreakdownRow::failures)
                .findFirst().orElse(before.floor());
    }
}
