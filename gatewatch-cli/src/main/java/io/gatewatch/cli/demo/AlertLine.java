package io.gatewatch.cli.demo;

import io.gatewatch.generator.demo.PlantedScenario;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.TenantAggregate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Human-readable one-liners for alerts and tenant summaries, as the demo prints them. */
public final class AlertLine {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private AlertLine() {
    }

    public static String alert(Alert alert, Function<String, String> tenantLabel) {
        return String.format(Locale.ROOT, "%s  %-8s %-24s %-22s %s:%s  %s", TIME.format(alert.lastSeen()),
                alert.severity(), alert.rule(), tenantLabel.apply(alert.tenantId()), alert.entity().type(),
                alert.entity().value(), alert.summary());
    }

    /** A planted attack, as the demo announces it: what, where, and the alerts to expect. */
    public static String planted(PlantedScenario planted, Function<String, String> tenantLabel) {
        String targets = planted.targets().stream().map(e -> e.type() + ":" + e.value()).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s  PLANTED  %-33s %-22s %s: %s; expect %s", TIME.format(planted.at()),
                planted.scenario(), tenantLabel.apply(planted.tenantId()), targets, planted.description(),
                String.join(", ", planted.expectedRules()));
    }

    public static String summary(TenantAggregate aggregate, Function<String, String> tenantLabel) {
        long failed = aggregate.byOutcome().getOrDefault(Outcome.FAILURE, 0L);
        String top = aggregate.byCategory().entrySet().stream()
                .filter(e -> e.getKey() != Category.SUCCESS && e.getKey() != Category.EXPECTED_INTERRUPT)
                .sorted(Map.Entry.<Category, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(3)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s  SUMMARY  %-22s %,6d sign-ins  %5.1f%% failed  %s",
                TIME.format(aggregate.windowStart()), tenantLabel.apply(aggregate.tenantId()), aggregate.total(),
                aggregate.total() == 0 ? 0.0 : 100.0 * failed / aggregate.total(), top.isEmpty() ? "" : "top: " + top);
    }

}
