package io.gatewatch.app.api;

import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.app.config.TenantNames;
import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.diagnose.Diagnoser;
import io.gatewatch.diagnose.Diagnosis;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.TenantAggregate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Answers queries from this instance's own state stores (interactive queries); the router sends
 * each tenant's queries to the instance that owns the tenant's partition.
 */
final class LocalQueries {

    /** Most points one trend answer may hold; a longer range needs a coarser step. */
    static final int MAX_POINTS = 2_000;

    private final KafkaStreams streams;
    private final Duration windowSize;
    private final Duration grace;
    private final DiagnosisQuery diagnosis;
    private final Clock clock;
    private final TenantDisplayNames names;

    LocalQueries(KafkaStreams streams, Duration windowSize, Duration grace, Diagnoser diagnoser, Clock clock,
                 TenantNames names) {
        this.streams = streams;
        this.names = new TenantDisplayNames(names, this::windows, clock);
        this.windowSize = windowSize;
        this.grace = grace;
        this.diagnosis = new DiagnosisQuery(streams, diagnoser, clock);
        this.clock = clock;
    }

    /** Tenants with sign-ins in the range: totals from the minute windows. */
    List<ApiViews.TenantSummary> tenants(Instant from, Instant to) {
        Map<String, long[]> totals = new HashMap<>();
        try (KeyValueIterator<Windowed<String>, TenantWindowCounts> all = windows(GatewatchTopology.AGGREGATE_STORE)
                .fetchAll(from, to)) {
            while (all.hasNext()) {
                KeyValue<Windowed<String>, TenantWindowCounts> window = all.next();
                long[] t = totals.computeIfAbsent(window.key.key(), k -> new long[] {0, 0, Long.MIN_VALUE});
                t[0] += window.value.total();
                t[1] += window.value.byOutcome().getOrDefault(Outcome.FAILURE, 0L);
                t[2] = Math.max(t[2], window.key.window().end());
            }
        }
        List<ApiViews.TenantSummary> tenants = new ArrayList<>();
        totals.forEach((tenant, t) -> tenants.add(new ApiViews.TenantSummary(tenant, names.nameOf(tenant), t[0], t[1],
                Instant.ofEpochMilli(t[2]))));
        return tenants;
    }

    /** One point per step from {@code from} to {@code to}, zero where nothing happened. */
    ApiViews.Trends trends(String tenant, Instant from, Instant to, String step) {
        Duration size = switch (step) {
            case "PT1M" -> windowSize;
            case "PT1H" -> Duration.ofHours(1);
            case "P1D" -> Duration.ofDays(1);
            default -> throw new IllegalArgumentException("step must be PT1M, PT1H or P1D");
        };
        String store = switch (step) {
            case "PT1M" -> GatewatchTopology.AGGREGATE_STORE;
            case "PT1H" -> GatewatchTopology.HOURS_STORE;
            default -> GatewatchTopology.DAYS_STORE;
        };
        long sizeMs = size.toMillis();
        long first = Math.floorDiv(from.toEpochMilli(), sizeMs) * sizeMs;
        if ((to.toEpochMilli() - first) / sizeMs > MAX_POINTS) {
            throw new IllegalArgumentException("more than " + MAX_POINTS + " points: shorten the range or use a coarser step");
        }
        Map<Long, TenantWindowCounts> found = new HashMap<>();
        try (WindowStoreIterator<TenantWindowCounts> windows = windows(store).fetch(tenant, Instant.ofEpochMilli(first), to)) {
            windows.forEachRemaining(w -> found.put(w.key, w.value));
        }
        long now = clock.millis();
        List<ApiViews.TrendPoint> points = new ArrayList<>();
        for (long start = first; start <= to.toEpochMilli(); start += sizeMs) {
            Instant windowStart = Instant.ofEpochMilli(start);
            TenantAggregate a = found.getOrDefault(start, new TenantWindowCounts())
                    .toAggregate(tenant, windowStart, windowStart.plus(size));
            long failures = a.byOutcome().getOrDefault(Outcome.FAILURE, 0L);
            points.add(new ApiViews.TrendPoint(a.windowStart(), a.windowEnd(), a.total(), a.byOutcome(), a.byCategory(),
                    a.topErrorCodes(), a.total() == 0 ? 0 : (double) failures / a.total(),
                    start + sizeMs + grace.toMillis() > now));
        }
        return new ApiViews.Trends(tenant, names.nameOf(tenant), step, points);
    }

    /** The tenant's alerts whose last evidence is in the range, newest first. */
    List<Alert> alerts(String tenant, Instant from, Instant to, String rule, int limit) {
        List<Alert> alerts = new ArrayList<>();
        ReadOnlyWindowStore<String, Alert> store = streams.store(StoreQueryParameters.fromNameAndType(
                GatewatchTopology.ALERTS_STORE, QueryableStoreTypes.windowStore()));
        try (WindowStoreIterator<Alert> newestFirst = store.backwardFetch(tenant, from, to)) {
            while (newestFirst.hasNext() && alerts.size() < limit) {
                Alert alert = newestFirst.next().value;
                if (rule == null || rule.equalsIgnoreCase(alert.rule())) {
                    alerts.add(alert);
                }
            }
        }
        return alerts;
    }

    /** This instance's provider-scoped alerts (CROSS_TENANT_SPRAY) in the range, newest first. */
    List<Alert> providerAlerts(Instant from, Instant to, String rule, int limit) {
        List<Alert> alerts = new ArrayList<>();
        ReadOnlyWindowStore<String, Alert> store = streams.store(StoreQueryParameters.fromNameAndType(
                GatewatchTopology.PROVIDER_ALERTS_STORE, QueryableStoreTypes.windowStore()));
        try (KeyValueIterator<Windowed<String>, Alert> all = store.fetchAll(from, to)) {
            all.forEachRemaining(entry -> {
                if (rule == null || rule.equalsIgnoreCase(entry.value.rule())) {
                    alerts.add(entry.value);
                }
            });
        }
        return newestFirst(alerts, limit);
    }

    static List<Alert> newestFirst(List<Alert> alerts, int limit) {
        return alerts.stream().sorted(Comparator.comparing(Alert::lastSeen).reversed()).limit(limit).toList();
    }

    /** The user's checklist and the tenant's alerts that concern the user. */
    Diagnosis diagnosis(String tenant, String userPrincipalName) {
        return diagnosis.diagnose(tenant, userPrincipalName);
    }

    /** The tenant's display name: configured, else from its sign-ins. */
    String nameOf(String tenant) {
        return names.nameOf(tenant);
    }

    /** A tenant-window store of this instance ({@link GatewatchTopology#AGGREGATE_STORE}, hours, days). */
    ReadOnlyWindowStore<String, TenantWindowCounts> windows(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.windowStore()));
    }
}
