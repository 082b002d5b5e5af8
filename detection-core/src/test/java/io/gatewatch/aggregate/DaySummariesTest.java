package io.gatewatch.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.DaySummary;
import io.gatewatch.schema.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaySummariesTest {

    private static TenantWindowCounts day(long floor, BreakdownRow... apps) {
        return TenantWindowCounts.restore(0, Map.of(), Map.of(), Map.of(), Map.of(), Breakdowns.restore(Map.of(
                Dimension.APP, DimensionSummary.restore(Dimension.APP, List.of(apps), floor, 0))));
    }

    private static BreakdownRow app(String name, long failures) {
        return BreakdownRow.restore(name, failures * 2, failures, 0, null);
    }

    @Test
    void onlyTheTopFiveByFailuresAndAppsThatNeverFailedAreLeftOut() {
        List<BreakdownRow> apps = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            apps.add(app("app" + i, i));
        }
        apps.add(app("quiet", 0));
        DaySummary summary = DaySummaries.of(day(0, apps.toArray(BreakdownRow[]::new)), null, List.of());
        assertThat(summary.topFailingApps()).extracting(DaySummary.Top::value)
                .containsExactly("app7", "app6", "app5", "app4", "app3");
        assertThat(summary.topFailingUsers()).isEmpty();
    }

    @Test
    void anAppMissingTheDayBeforeCountsAtMostThatSummarysFloorSoNoRiseIsOverstated() {
        TenantWindowCounts before = day(3, app("Teams", 10));
        DaySummary summary = DaySummaries.of(day(0, app("Teams", 12), app("Outlook", 3), app("Intune", 8)), before,
                List.of());
        assertThat(summary.rose()).extracting(DaySummary.Rise::value, DaySummary.Rise::failures,
                DaySummary.Rise::previousFailures).containsExactly(tuple("Intune", 8L, 3L), tuple("Teams", 12L, 10L));
    }

    @Test
    void anIncidentsUpdatesAreNotCountedAsAlertsAgain() {
        Alert raised = alert("a-1", "PASSWORD_SPRAY", Severity.HIGH, false);
        DaySummary summary = DaySummaries.of(day(0), null, List.of(raised, alert("a-1", "PASSWORD_SPRAY", Severity.HIGH,
                true), alert("a-2", "ACCOUNT_LOCKOUT", Severity.LOW, false)));
        assertThat(summary.alertsBySeverity()).containsExactlyInAnyOrderEntriesOf(Map.of(Severity.HIGH, 1L, Severity.LOW, 1L));
        assertThat(summary.alertsByRule()).containsExactlyInAnyOrderEntriesOf(Map.of("PASSWORD_SPRAY", 1L,
                "ACCOUNT_LOCKOUT", 1L));
    }

    private static Alert alert(String id, String rule, Severity severity, boolean update) {
        Instant t = Instant.parse("2026-03-02T10:00:00Z");
        return new Alert(id, rule, severity, "t1", new AlertEntity("user", "u@x.com"), t, t, t, t, 1, 1, null, null,
                List.of(), "s", List.of(), t, null, null, List.of(), null, null, update);
    }
}
