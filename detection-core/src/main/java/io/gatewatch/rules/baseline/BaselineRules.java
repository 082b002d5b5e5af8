package io.gatewatch.rules.baseline;

import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CONDITIONAL_ACCESS_SPIKE and FAILURE_RATE_SPIKE: the current hour against the tenant's own
 * learned baseline (EWMA), after a warm-up, at most once per hour each. Anchors: Sentinel
 * CABlockedSigninSpikes (anomaly over 14 days, here z >= 3 and at least 50 blocks) and
 * LoginSpikeWithIncreaseFailureRate (failure rate >= 15 % and rising sharply).
 */
public final class BaselineRules {

    /** What a baseline rule found: rule, severity, the count and threshold, and a sentence. */
    public record Spike(String rule, Severity severity, AlertEntity entity, long count, long threshold, String summary) {
    }

    private final int warmupHours;
    private final double alpha;
    private final double z;
    private final long minCaBlocks;
    private final double minFailureRate;
    private final long minVolume;

    public BaselineRules(RuleSettings settings) {
        warmupHours = (int) settings.number("BASELINE", "warmup-hours", 24);
        alpha = 1.0 / settings.number("BASELINE", "span-hours", 24);
        z = settings.number("BASELINE", "z", 3);
        minCaBlocks = settings.number("CONDITIONAL_ACCESS_SPIKE", "threshold", 50);
        minFailureRate = settings.number("FAILURE_RATE_SPIKE", "threshold-percent", 15) / 100.0;
        minVolume = settings.number("FAILURE_RATE_SPIKE", "min-volume", 100);
    }

    /** Counts the event into the baseline and returns the spikes it completes. */
    public List<Spike> observe(TenantBaseline baseline, ClassifiedEvent event) {
        boolean failure = event.classification().outcome() == Outcome.FAILURE;
        boolean caBlock = event.classification().category() == Category.CONDITIONAL_ACCESS_BLOCKED;
        List<Spike> spikes = new ArrayList<>();
        if (!baseline.observe(event.event().createdDateTime().toEpochMilli(), failure, caBlock, alpha)
                || baseline.hoursSeen < warmupHours) {
            return spikes;
        }
        AlertEntity tenant = new AlertEntity("tenant", event.event().tenantId());
        double caLimit = baseline.caMean + z * Math.sqrt(Math.max(baseline.caVariance, Math.max(baseline.caMean, 1)));
        if (caBlock && baseline.caBlocks >= minCaBlocks && baseline.caBlocks >= caLimit
                && baseline.caAlertedHourMs != baseline.hourStartMs) {
            baseline.caAlertedHourMs = baseline.hourStartMs;
            spikes.add(new Spike("CONDITIONAL_ACCESS_SPIKE", Severity.MEDIUM, tenant, baseline.caBlocks,
                    Math.max(minCaBlocks, (long) Math.ceil(caLimit)), String.format(Locale.ROOT,
                    "%d Conditional Access blocks this hour against a usual %.0f: a policy change or an attack.",
                    baseline.caBlocks, baseline.caMean)));
        }
        double rate = baseline.failureRate();
        double rateLimit = baseline.rateMean + z * Math.sqrt(Math.max(baseline.rateVariance, 1e-4));
        if (failure && baseline.total >= minVolume && rate >= minFailureRate && rate >= rateLimit
                && baseline.rateAlertedHourMs != baseline.hourStartMs) {
            baseline.rateAlertedHourMs = baseline.hourStartMs;
            spikes.add(new Spike("FAILURE_RATE_SPIKE", Severity.MEDIUM, tenant, baseline.failures, baseline.total,
                    String.format(Locale.ROOT, "%.1f%% of %d sign-ins failed this hour against a usual %.1f%%.",
                            100 * rate, baseline.total, 100 * baseline.rateMean)));
        }
        return spikes;
    }
}
