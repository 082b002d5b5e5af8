package io.gatewatch.app.serde;

import io.gatewatch.aggregate.DistinctCounter;
import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Outcome;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * The {@code tenant-window-counts} store's values (and its suppression buffer's): counts keyed by
 * enum name, so adding a category never misreads a stored window; distinct-user counters as raw
 * hashes or HyperLogLog registers.
 */
public final class WindowCountsSerde extends CompactSerde<TenantWindowCounts> {

    public WindowCountsSerde() {
        super("TenantWindowCounts", 1);
    }

    @Override
    protected void write(TenantWindowCounts counts, DataOutputStream out) throws IOException {
        out.writeLong(counts.total);
        out.writeShort(counts.byOutcome.size());
        for (Map.Entry<Outcome, Long> e : counts.byOutcome.entrySet()) {
            out.writeUTF(e.getKey().name());
            out.writeLong(e.getValue());
        }
        out.writeShort(counts.byCategory.size());
        for (Map.Entry<Category, Long> e : counts.byCategory.entrySet()) {
            out.writeUTF(e.getKey().name());
            out.writeLong(e.getValue());
        }
        out.writeShort(counts.usersByCategory.size());
        for (Map.Entry<Category, DistinctCounter> e : counts.usersByCategory.entrySet()) {
            out.writeUTF(e.getKey().name());
            writeCounter(e.getValue(), out);
        }
        out.writeShort(counts.errorCodes.size());
        for (Map.Entry<Integer, Long> e : counts.errorCodes.entrySet()) {
            out.writeInt(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    @Override
    protected TenantWindowCounts read(DataInputStream in, int version) throws IOException {
        TenantWindowCounts counts = new TenantWindowCounts();
        counts.total = in.readLong();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            counts.byOutcome.put(Outcome.valueOf(in.readUTF()), in.readLong());
        }
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            counts.byCategory.put(Category.valueOf(in.readUTF()), in.readLong());
        }
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            counts.usersByCategory.put(Category.valueOf(in.readUTF()), readCounter(in));
        }
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            counts.errorCodes.put(in.readInt(), in.readLong());
        }
        return counts;
    }

    private static void writeCounter(DistinctCounter counter, DataOutputStream out) throws IOException {
        out.writeBoolean(counter.registers != null);
        if (counter.registers != null) {
            out.writeShort(counter.registers.length);
            out.write(counter.registers);
        } else {
            out.writeShort(counter.hashes.length);
            for (long hash : counter.hashes) {
                out.writeLong(hash);
            }
        }
    }

    private static DistinctCounter readCounter(DataInputStream in) throws IOException {
        DistinctCounter counter = new DistinctCounter();
        int length;
        if (in.readBoolean()) {
            length = in.readUnsignedShort();
            counter.registers = new byte[length];
            in.readFully(counter.registers);
            counter.hashes = null;
        } else {
            length = in.readUnsignedShort();
            counter.hashes = new long[length];
            for (int i = 0; i < length; i++) {
                counter.hashes[i] = in.readLong();
            }
        }
        return counter;
    }
}
