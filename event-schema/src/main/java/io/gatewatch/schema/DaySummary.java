package io.gatewatch.schema;

import java.util.List;
import java.util.Map;

/**
 * What an admin reads first about a tenant's finished day, on the daily aggregate record: the apps
 * and users that failed most, the apps whose failures rose most against the day before, and the
 * alerts raised (updates of an incident not counted again). Counts of the heavy-hitter summaries:
 * a {@link Top}'s failures may overstate by at most its {@code error}.
 *
 * @param topFailingApps  at most {@link #TOP} apps by failures
 * @param topFailingUsers at most {@link #TOP} users by failures
 * @param rose            at most {@link #TOP} apps whose failures rose most against the previous day
 * @param alertsBySeverity alerts raised that day, by severity
 * @param alertsByRule    alerts raised that day, by rule
 */
public record DaySummary(List<Top> topFailingApps, List<Top> topFailingUsers, List<Rise> rose,
                         Map<Severity, Long> alertsBySeverity, Map<String, Long> alertsByRule) {

    public static final int TOP = 5;

    public DaySummary {
        topFailingApps = List.copyOf(topFailingApps);
        topFailingUsers = List.copyOf(topFailingUsers);
        rose = List.copyOf(rose);
        alertsBySeverity = Map.copyOf(alertsBySeverity);
        alertsByRule = Map.copyOf(alertsByRule);
    }

    /** A value and its day's counts. */
    public record Top(String value, long failures, long signIns, long error) {
    }

    /** An app's failures that day and the day before. */
    public record Rise(String value, long failures, long previousFailures) {
    }
}
