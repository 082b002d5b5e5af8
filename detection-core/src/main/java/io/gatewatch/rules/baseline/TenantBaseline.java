package io.gatewatch.rules.baseline;

/**
 * One tenant's hourly traffic and its learned normal: counts for the current hour, and
 * exponentially weighted means and variances of past hours' Conditional Access blocks and
 * failure rate. Plain Java, stored as JSON in a changelogged store so the baseline survives
 * restarts. Quiet hours count: a gap folds in empty hours (up to a day), so a tenant that is
 * idle at night does not look normal at its daytime peak.
 */
public final class TenantBaseline {

    static final long HOUR_MS = 3_600_000L;
    private static final int MAX_GAP_HOURS = 24;

    public long hourStartMs = Long.MIN_VALUE;
    public long total;
    public long failures;
    public long caBlocks;
    public int hoursSeen;
    public double caMean;
    public double caVariance;
    public double rateMean;
    public double rateVariance;
    public long caAlertedHourMs = Long.MIN_VALUE;
    public long rateAlertedHourMs = Long.MIN_VALUE;

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
