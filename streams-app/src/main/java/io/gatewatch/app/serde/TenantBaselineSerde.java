package io.gatewatch.app.serde;

import io.gatewatch.rules.Incident;
import io.gatewatch.rules.baseline.TenantBaseline;
import java.io.IOException;

/**
 * The {@code tenant-baselines} store's values: this hour's counts, the learned means and each
 * spike rule's incident. Format 2 stores when each incident's suppression ends; format 1 stored
 * the hour last alerted on, which reads as suppressed until that hour's end (the old once-per-hour).
 */
public final class TenantBaselineSerde extends CompactSerde<TenantBaseline> {

    private static final long HOUR_MS = 3_600_000L;

    public TenantBaselineSerde() {
        super("TenantBaseline", 2);
    }

    @Override
    protected void write(TenantBaseline baseline, BinaryOut out) throws IOException {
        TenantBaseline.Snapshot b = baseline.snapshot();
        out.writeLong(b.hourStartMs());
        out.writeLong(b.total());
        out.writeLong(b.failures());
        out.writeLong(b.caBlocks());
        out.writeInt(b.hoursSeen());
        out.writeDouble(b.caMean());
        out.writeDouble(b.caVariance());
        out.writeDouble(b.rateMean());
        out.writeDouble(b.rateVariance());
        out.writeLong(b.caIncident().suppressedUntilMs());
        out.writeLong(b.rateIncident().suppressedUntilMs());
    }

    @Override
    protected TenantBaseline read(BinaryIn in, int version) throws IOException {
        return TenantBaseline.restore(new TenantBaseline.Snapshot(in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                incident(in.readLong(), version), incident(in.readLong(), version)));
    }

    private static Incident incident(long stored, int version) {
        if (version == 1 && stored != Long.MIN_VALUE) {
            return Incident.until(stored + HOUR_MS); // format 1: the hour start of the last alert
        }
        return Incident.until(stored);
    }
}
