package io.gatewatch.rules.baseline;

import io.gatewatch.rules.Finding;
import io.gatewatch.rules.Incident;
import io.gatewatch.rules.IncidentSuppressor;
import io.gatewatch.rules.RuleEngine;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.WorkloadIdentities;
import io.gatewatch.rules.detail.AlertDetails;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEvidence;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Outcome;
import io.gatewatch.rules.exceptions.ExceptionList;
import io.gatewatch.schema.AttackIds;
import io.gatewatch.schema.Severity;
import io.gatewatch.state.StateView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * CONDITIONAL_ACCESS_SPIKE and FAILURE_RATE_SPIKE: the current hour against the tenant's own
 * learned baseline (EWMA), after a warm-up, one alert per suppression period (an hour by default,
 * counted from the hour that spiked). Anchors: Sentinel CABlockedSigninSpikes (anomaly over 14
 * days, here z >= 3 and at least 50 blocks) and LoginSpikeWithIncreaseFailureRate (failure rate
 * >= 15 % and rising sharply).
 */
public final class BaselineRules implements RuleEngine<TenantBaseline> {

    static final String CA_SPIKE = "CONDITIONAL_ACCESS_SPIKE";
    static final String RATE_SPIKE = "FAILURE_RATE_SPIKE";
    private static final Duration HOUR = Duration.ofMillis(TenantBaseline.HOUR_MS);
    /** Variance of failures that come in runs over independent ones (the design effect of clustering). */
    static final double RUNS = 2.0;

    private final int warmupHours;
    private final double alpha;
    private final double z;
    private final long minCaBlocks;
    private final double minFailureRate;
    private final long minVolume;
    private final Duration caSuppression;
    private final Duration rateSuppression;
    private final boolean caEnabled;
    private final boolean rateEnabled;
    private final Severity caSeverity;
    private final Severity rateSeverity;
    private final AttackIds caAttack;
    private final AttackIds rateAttack;
    private final ExceptionList caExceptions;
    private final ExceptionList rateExceptions;

    /** A spike is about a tenant's hour: its evidence is its counts, its pivot the hour's failures. */
    private final AlertDetails details;

    public BaselineRules(RuleSettings settings) {
        caEnabled = settings.enabled(CA_SPIKE);
        rateEnabled = settings.enabled(RATE_SPIKE);
        caSeverity = settings.severity(CA_SPIKE, Severity.MEDIUM);
        rateSeverity = settings.severity(RATE_SPIKE, Severity.MEDIUM);
        details = new AlertDetails(settings.catalogue());
        caAttack = settings.attack(CA_SPIKE);
        rateAttack = settings.attack(RATE_SPIKE);
        caExceptions = settings.exceptions().forRule(CA_SPIKE);
        rateExceptions = settings.exceptions().forRule(RATE_SPIKE);
        warmupHours = (int) settings.number("BASELINE", "warmup-hours");
        alpha = 1.0 / settings.number("BASELINE", "span-hours");
        z = settings.number("BASELINE", "z");
        minCaBlocks = settings.number(CA_SPIKE, "threshold");
        minFailureRate = settings.number(RATE_SPIKE, "threshold-percent") / 100.0;
        minVolume = settings.number(RATE_SPIKE, "min-volume");
        caSuppression = settings.suppression(CA_SPIKE);
        rateSuppression = settings.suppression(RATE_SPIKE);
    }

    /** Counts the event into the tenant's baseline (one per tenant) and returns the spike alerts it raises. */
    @Override
    public List<Alert> process(String tenant, ClassifiedEvent event, StateView<TenantBaseline> baselines,
                               Instant detectedAt) {
        if (excepted(event) || WorkloadIdentities.excludedFromUserRules(event)) {
            return new ArrayList<>(); // the tenant's baseline, which both spikes learn from, leaves it out
        }
        TenantBaseline stored = baselines.get(tenant);
        TenantBaseline baseline = stored == null ? new TenantBaseline() : stored;
        List<Alert> alerts = process(tenant, baseline, event, detectedAt);
        baselines.put(tenant, baseline);
        return alerts;
    }

    /** The same over a baseline in hand. */
    public List<Alert> process(String tenant, TenantBaseline baseline, ClassifiedEvent event, Instant detectedAt) {
        if (excepted(event) || WorkloadIdentities.excludedFromUserRules(event)) {
            return new ArrayList<>();
        }
        boolean failure = event.classification().outcome() == Outcome.FAILURE;
        boolean caBlock = event.classification().category() == Category.CONDITIONAL_ACCESS_BLOCKED;
        List<Alert> alerts = new ArrayList<>();
        if (!baseline.observe(event.event().createdDateTime().toEpochMilli(), failure, caBlock, alpha)) {
            return alerts;
        }
        TenantBaseline.Snapshot b = baseline.snapshot();
        if (b.hoursSeen() < warmupHours) {
            return alerts;
        }
        AlertEntity entity = new AlertEntity("tenant", event.event().tenantId());
        Instant hour = Instant.ofEpochMilli(b.hourStartMs());
        Instant now = event.event().createdDateTime();
        double caLimit = b.caMean() + z * Math.sqrt(Math.max(b.caVariance(), Math.max(b.caMean(), 1)));
        if (caEnabled && caBlock && b.caBlocks() >= minCaBlocks && b.caBlocks() >= caLimit) {
            Finding spike = spike(CA_SPIKE, caSeverity, entity, hour, now, b.caBlocks(), Math.max(minCaBlocks, (long) Math.ceil(caLimit)),
                    caSuppression, String.format(Locale.ROOT,
                    "%d Conditional Access blocks this hour against a usual %.0f: a policy change or an attack.",
                    b.caBlocks(), b.caMean()));
            baseline.caIncident = admit(baseline.caIncident, spike, tenant, event, detectedAt, alerts::add);
        }
        double rate = baseline.failureRate();
        // the hour's rate so far is the tenant's usual rate, which drifts from hour to hour (the
        // learned variance), measured on n sign-ins, which adds the binomial p(1-p)/n of a p-chart:
        // a partial hour checked at every failure, or a small tenant, must not be judged by a full
        // hour's spread alone. Failures come in runs (a user retries a wrong password two or three
        // times), not one by one, which doubles that spread (RUNS)
        double sampling = RUNS * b.rateMean() * (1 - b.rateMean()) / Math.max(1, b.total());
        double rateLimit = b.rateMean() + z * Math.sqrt(Math.max(b.rateVariance() + sampling, 1e-4));
        if (rateEnabled && failure && b.total() >= minVolume && rate >= minFailureRate && rate >= rateLimit) {
            Finding spike = spike(RATE_SPIKE, rateSeverity, entity, hour, now, b.failures(), b.total(), rateSuppression,
                    String.format(Locale.ROOT, "%.1f%% of %d sign-ins failed this hour against a usual %.1f%%.",
                            100 * rate, b.total(), 100 * b.rateMean()));
            baseline.rateIncident = admit(baseline.rateIncident, spike, tenant, event, detectedAt, alerts::add);
        }
        return alerts;
    }

    private boolean excepted(ClassifiedEvent event) {
        return caExceptions.excepts(event) && rateExceptions.excepts(event);
    }

    /** A spike is about its hour: the window is the hour, and suppression runs from its start. */
    private static Finding spike(String rule, Severity severity, AlertEntity tenant, Instant hour, Instant lastSeen, long count,
                                 long threshold, Duration suppression, String summary) {
        return new Finding(rule, severity, tenant, summary, hour, hour, hour.plus(HOUR), hour, lastSeen, count,
                threshold, null, null, List.of(), suppression, false);
    }

    private Incident admit(Incident current, Finding spike, String tenant, ClassifiedEvent event,
                           Instant detectedAt, Consumer<Alert> raised) {
        IncidentSuppressor.Decision decision = IncidentSuppressor.admit(current, spike, tenant,
                event.classification().remediation(), detectedAt, spike.rule().equals(CA_SPIKE) ? caAttack : rateAttack,
                event.event().createdDateTime());
        if (decision.raised()) {
            raised.accept(details.complete(decision.alert(), AlertEvidence.NONE, event.classification().remediation()));
        }
        return decision.incident();
    }
}
