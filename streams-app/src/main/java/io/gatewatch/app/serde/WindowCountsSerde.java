package io.gatewatch.app.serde;

import io.gatewatch.aggregate.Breakdowns;
import io.gatewatch.aggregate.DistinctCounter;
import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Outcome;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code tenant-window-counts} store's values (and its hour and day roll-ups'): counts keyed by
 * enum name, so adding a category never misreads a stored window; distinct-user counters as raw
 * hashes or HyperLogLog registers. Format 2 adds the breakdowns ({@link BreakdownsFormat}) after
 * format 1's fields; a format-1 window reads with no breakdowns. Format 3 has format 2's layout and
 * may hold the pair dimensions (a value and a failing user, the drill-down): a release that reads
 * format 2 only refuses it by its version instead of by an unknown dimension deep inside. Format 4
 * ends with the tenant's name as the window's sign-ins gave it (a flag byte, then the text).
 */
public final class WindowCountsSerde extends CompactSerde<TenantWindowCounts> {

    public WindowCountsSerde() {
        super("TenantWindowCounts", 4);
    }

    @Override
    protected void write(TenantWindowCounts counts, BinaryOut out) throws IOException {
        out.writeLong(counts.total());
        out.writeShort(counts.byOutcome().size());
        for (Map.Entry<Outcome, Long> e : counts.byOutcome().entrySet()) {
            out.writeUTF(e.getKey().name());
            out.writeLong(e.getValue());
        }
        out.writeShort(counts.byCategory().size());
        for (Map.Entry<Category, Long> e : counts.byCategory().entrySet()) {
            out.writeUTF(e.getKey().name());
            out.writeLong(e.getValue());
        }
        out.writeShort(counts.usersByCategory().size());
        for (Map.Entry<Category, DistinctCounter> e : counts.usersByCategory().entrySet()) {
            out.writeUTF(e.getKey().name());
            writeCounter(e.getValue(), out);
        }
        out.writeShort(counts.errorCodes().size());
        for (Map.Entry<Integer, Long> e : counts.errorCodes().entrySet()) {
            out.writeInt(e.getKey());
            out.writeLong(e.getValue());
        }
        BreakdownsFormat.write(counts.breakdowns(), out);
        out.writeBoolean(counts.tenantName() != null);
        if (counts.tenantName() != null) {
            out.writeUTF(counts.tenantName());
        }
    }

    @Override
    protected TenantWindowCounts read(BinaryIn in, int version) throws IOException {
        long total = in.readLong();
        Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            byOutcome.put(Outcome.valueOf(in.readRepeatedUTF()), in.readLong());
        }
        Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            byCategory.put(Category.valueOf(in.readRepeatedUTF()), in.readLong());
        }
        Map<Category, DistinctCounter> users = new EnumMap<>(Category.class);
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            users.put(Category.valueOf(in.readRepeatedUTF()), readCounter(in));
        }
        Map<Integer, Long> errorCodes = new LinkedHashMap<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            errorCodes.put(in.readInt(), in.readLong());
        }
        Breakdowns breakdowns = version >= 2 ? BreakdownsFormat.read(in) : new Breakdowns();
        String tenantName = version >= 4 && in.readBoolean() ? in.readRepeatedUTF() : null;
        return TenantWindowCounts.restore(total, byOutcome, byCategory, users, errorCodes, breakdowns)
                .withTenantName(tenantName);
    }

    private static void writeCounter(DistinctCounter counter, BinaryOut out) throws IOException {
        out.writeBoolean(counter.estimated());
        if (counter.estimated()) {
            byte[] registers = counter.registers();
            out.writeShort(registers.length);
            out.write(registers);
        } else {
            long[] hashes = counter.hashes();
            out.writeShort(hashes.length);
            for (long hash : hashes) {
                out.writeLong(hash);
            }
        }
    }

    private static DistinctCounter readCounter(BinaryIn in) throws IOException {
        if (in.readBoolean()) {
            byte[] registers = new byte[in.readUnsignedShort()];
            in.readFully(registers);
            return DistinctCounter.restore(null, registers);
        }
        long[] hashes = new long[in.readUnsignedShort()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = in.readLong();
        }
        return DistinctCounter.restore(hashes, null);
    }
}
