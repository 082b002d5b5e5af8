package io.gatewatch.app.serde;

import io.gatewatch.rules.baseline.TenantBaseline;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The {@code tenant-baselines} store's values: this hour's counts and the learned means. */
public final class TenantBaselineSerde extends CompactSerde<TenantBaseline> {

    public TenantBaselineSerde() {
        super("TenantBaseline", 1);
    }

    @Override
    protected void write(TenantBaseline b, DataOutputStream out) throws IOException {
        out.writeLong(b.hourStartMs);
        out.writeLong(b.total);
        out.writeLong(b.failures);
        out.writeLong(b.caBlocks);
        out.writeInt(b.hoursSeen);
        out.writeDouble(b.caMean);
        out.writeDouble(b.caVariance);
        out.writeDouble(b.rateMean);
        out.writeDouble(b.rateVariance);
        out.writeLong(b.caAlertedHourMs);
        out.writeLong(b.rateAlertedHourMs);
    }

    @Override
    protected TenantBaseline read(DataInputStream in, int version) throws IOException {
        TenantBaseline b = new TenantBaseline();
        b.hourStartMs = in.readLong();
        b.total = in.readLong();
        b.failures = in.readLong();
        b.caBlocks = in.readLong();
        b.hoursSeen = in.readInt();
        b.caMean = in.readDouble();
        b.caVariance = in.readDouble();
        b.rateMean = in.readDouble();
        b.rateVariance = in.readDouble();
        b.caAlertedHourMs = in.readLong();
        b.rateAlertedHourMs = in.readLong();
        return b;
    }
}
