package io.gatewatch.rules.baseline;

import io.gatewatch.rules.Incident;

/**
 * One tenant's hourly traffic and its learned normal: counts for the current hour, and
 * exponentially weighted means and variances of past hours' Conditional Access blocks and
 * failure rate, plus the incident each spike rule last alerted on. Plain Java; the streams app
 * keeps it in a changelogged store ({@code TenantBaselineSerde}) so it survives restarts. Quiet
 * hours count: a gap folds in empty hours (up to a day), so a tenant that is idle at night does
 * not look normal at its daytime peak.
 */
public final class TenantBaseline {

    static final long HOUR_MS = 3_600_000L;
    private static final int MAX_GAP_HOURS = 24;

    /** Everything a baseline holds, for storing and restoring it. */
    public record Snapshot(long hourStartMs, long total, long failures, long caBlocks, int hoursSeen, double caMean,
                           double caVariance, double rateMean, double rateVariance, Incident caIncident,
                           Incident rateIncident) {
    }

    private long hourStartMs = Long.MIN_VALUE;
    private long total;
    private long failures;
    private long caBlocks;
    private int hoursSeen;
    private double caMean;
    private double caVariance;
    private double rateMean;
    private double rateVariance;
    Incident caIncident = Incident.NONE;
    Incident rateIncident = Incident.NONE;

    public static TenantBaseline restore(Snapshot s) {
        TenantBaseline b = new TenantBaseline();
        b.hourStartMs = s.hourStartMs();
        b.total = s.total();
        b.failures = s.failures();
        b.caBlocks = s.caBlocks();
        b.hoursSeen = s.hoursSeen();
        b.caMean = s.caMean();
        b.caVariance = s.caVariance();
        b.rateMean = s.rateMean();
        b.rateVariance = s.rateVariance();
        b.caIncident = s.caIncident();
        b.rateIncident = s.rateIncident();
        return b;
    }

    public Snapshot snapshot() {
        return new Snapshot(hourStartMs, total, failures, caBlocks, hoursSeen, caMean, caVariance, rateMean,
                rateVariance, caIncident, rateIncident);
    }

    /** Counts one event; false when it belongs to an hour already folded into the baseline (too late). */
    public boolean observe(long timeMs, boolean failure, boolean caBlock, double alpha) {
        long hour = Math.floorDiv(timeMs, HOUR_MS) * HOUR_MS;
        if (hourStartMs == Long.MIN_VALUE) {
            hourStartMs = hour;
        } else if (hour < hourStartMs) {
            return false;
        } else if (hour > hourStartMs) {
            fold(alpha);
            long gap = Math.min((hour - hourStartMs) / HOUR_MS - 1, MAX_GAP_HOURS);
            for (long i = 0; i < gap; i++) {
                foldHour(0, 0, alpha);
            }
            hourStartMs = hour;
            total = 0;
            failures = 0;
            caBlocks = 0;
        }
        total++;
        failures += failure ? 1 : 0;
        caBlocks += caBlock ? 1 : 0;
        return true;
    }

    private void fold(double alpha) {
        foldHour(caBlocks, total == 0 ? 0 : (double) failures / total, alpha);
    }

    private void foldHour(double ca, double rate, double alpha) {
        if (hoursSeen == 0) {
            caMean = ca;
            rateMean = rate;
        } else {
            double caDiff = ca - caMean;
            caMean += alpha * caDiff;
            caVariance = (1 - alpha) * (caVariance + alpha * caDiff * caDiff);
            double rateDiff = rate - rateMean;
            rateMean += alpha * rateDiff;
            rateVariance = (1 - alpha) * (rateVariance + alpha * rateDiff * rateDiff);
        }
        hoursSeen++;
    }

    public double failureRate() {
        return total == 0 ? 0 : (double) failures / total;
    }
}
