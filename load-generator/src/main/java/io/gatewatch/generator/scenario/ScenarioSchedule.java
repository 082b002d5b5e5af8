package io.gatewatch.generator.scenario;

import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.TenantOrgs;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Places requested scenarios in a run: at the offset and tenant asked for, or spread evenly over
 * the run and round-robin over tenants. Baseline scenarios go on the busiest tenants at the start
 * of an hour after the warm-up day; scenarios that do not fit are skipped with a note, never
 * silently.
 */
public final class ScenarioSchedule {

    /** A scenario to inject; a null offset or tenant (1-based, as in tenant3.example.com) is chosen here. */
    public record Request(ScenarioType type, Duration offset, Integer tenant) {
    }

    /** Hours a baseline needs before a spike can be judged (rule.BASELINE.warmup-hours, plus the hour in progress). */
    static final Duration BASELINE_WARMUP = Duration.ofHours(25);
    private static final Duration LEAD_IN = Duration.ofMinutes(5);

    private final SyntheticDirectory directory;
    private final TenantOrgs orgs;
    private final double eventsPerSecond;

    public ScenarioSchedule(SyntheticDirectory directory, double eventsPerSecond) {
        this.directory = directory;
        this.orgs = new TenantOrgs(directory);
        this.eventsPerSecond = eventsPerSecond;
    }

    public List<ScenarioBuilder.Injection> place(List<Request> requests, Instant start, Duration length,
                                                 Consumer<String> notes) {
        List<Request> baseline = requests.stream().filter(r -> r.type().needsBaseline()).toList();
        List<Request> other = requests.stream().filter(r -> !r.type().needsBaseline()).toList();
        List<ScenarioBuilder.Injection> injections = new ArrayList<>();
        Instant firstBaselineHour = start.plus(BASELINE_WARMUP).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        long baselineHours = Duration.between(firstBaselineHour, start.plus(length)).toHours();
        for (int k = 0; k < baseline.size(); k++) {
            Request request = baseline.get(k);
            Instant at = request.offset() != null ? start.plus(request.offset())
                    : baselineHours < 1 ? null
                    : firstBaselineHour.plus(Duration.ofHours(k * baselineHours / baseline.size())).plus(LEAD_IN);
            if (at == null) {
                notes.accept("skipped " + request.type().name() + ": a baseline scenario needs a run longer than "
                        + (BASELINE_WARMUP.toHours() + 2) + " h (the baseline's warm-up day comes first)");
                continue;
            }
            injections.add(inject(request, injections.size() + 1, at, k % directory.tenantCount()));
        }
        for (int k = 0; k < other.size(); k++) {
            Request request = other.get(k);
            Duration room = length.minus(request.type().span()).minus(LEAD_IN);
            if (request.offset() == null && room.isNegative()) {
                notes.accept("skipped " + request.type().name() + ": it lasts " + request.type().span()
                        + ", longer than the run");
                continue;
            }
            Instant at = request.offset() != null ? start.plus(request.offset())
                    : start.plus(LEAD_IN).plus(room.multipliedBy(k).dividedBy(Math.max(1, other.size())));
            injections.add(inject(request, injections.size() + 1, at, (baseline.size() + k) % directory.tenantCount()));
        }
        return injections;
    }

    /**
     * One scenario at a given time and tenant (0-based), numbered {@code index}: the number picks
     * its own users ({@code s<index>-user<n>}) and attacker addresses, so a live feed that plants
     * scenarios one after another gives each its own.
     */
    public ScenarioBuilder.Injection plant(ScenarioType type, int index, Instant at, int tenant) {
        return inject(new Request(type, null, tenant + 1), index, at, tenant);
    }

    private ScenarioBuilder.Injection inject(Request request, int index, Instant requested, int defaultTenant) {
        Instant at = requested.truncatedTo(ChronoUnit.SECONDS);
        int tenant = request.tenant() == null ? defaultTenant : request.tenant() - 1;
        if (tenant < 0 || tenant >= directory.tenantCount()) {
            throw new IllegalArgumentException("tenant " + request.tenant() + " does not exist (1.."
                    + directory.tenantCount() + ")");
        }
        long hourlyVolume = Math.round(eventsPerSecond * 3600 * directory.users(tenant).size() / directory.totalUsers());
        List<String> tenantIds = new ArrayList<>();
        for (int t = 0; t < directory.tenantCount(); t++) {
            tenantIds.add(directory.tenantId(t));
        }
        ScenarioBuilder builder = new ScenarioBuilder(request.type().name(), index, at, tenantIds, tenant,
                orgs.of(tenant), hourlyVolume);
        request.type().script().accept(builder);
        return builder.build();
    }
}
