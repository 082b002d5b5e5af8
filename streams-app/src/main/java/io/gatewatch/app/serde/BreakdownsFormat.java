package io.gatewatch.app.serde;

import io.gatewatch.aggregate.BreakdownRow;
import io.gatewatch.aggregate.Breakdowns;
import io.gatewatch.aggregate.Dimension;
import io.gatewatch.aggregate.DimensionSummary;
import io.gatewatch.aggregate.UserSketch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant window's breakdowns inside its {@code tenant-window-counts} value (format 2 on): per
 * dimension its number ({@link Dimension#code()}), floor, untracked sign-ins and rows; a row is its
 * value and three counts of 7 bits a byte, most of them one byte, then its user sketch as the
 * registers set (index and rank, two bytes each) or, once more than half are, all 64. A window of a
 * few dozen rows takes about a kilobyte: it is written at every commit that changed it.
 */
final class BreakdownsFormat {

    private static final int DENSE = UserSketch.REGISTERS / 2;

    private BreakdownsFormat() {
    }

    static void write(Breakdowns breakdowns, BinaryOut out) throws IOException {
        out.writeByte(breakdowns.byDimension().size());
        for (Map.Entry<Dimension, DimensionSummary> e : breakdowns.byDimension().entrySet()) {
            DimensionSummary summary = e.getValue();
            out.writeByte(e.getKey().code());
            out.writeCount(summary.floor());
            out.writeCount(summary.untrackedSignIns());
            out.writeCount(summary.rows().size());
            for (BreakdownRow row : summary.rows()) {
                out.writeUTF(row.value());
                out.writeCount(row.signIns());
                out.writeCount(row.failures());
                out.writeCount(row.error());
                writeSketch(row.users(), out);
            }
        }
    }

    static Breakdowns read(BinaryIn in) throws IOException {
        Map<Dimension, DimensionSummary> summaries = new EnumMap<>(Dimension.class);
        for (int d = in.readUnsignedByte(); d > 0; d--) {
            Dimension dimension = Dimension.ofCode(in.readUnsignedByte());
            if (dimension == null) {
                throw new IOException("unknown dimension");
            }
            long floor = in.readCount();
            long untracked = in.readCount();
            int count = in.readCount((int) Math.min(Integer.MAX_VALUE, in.readCount()));
            // users and addresses are personal and rarely repeat: not shared; the other values recur in every window
            boolean repeated = !dimension.failuresOnly();
            List<BreakdownRow> rows = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                String value = repeated ? in.readRepeatedUTF() : in.readUTF();
                rows.add(BreakdownRow.restore(value, in.readCount(), in.readCount(), in.readCount(), readSketch(in)));
            }
            summaries.put(dimension, DimensionSummary.restore(dimension, rows, floor, untracked));
        }
        return Breakdowns.restore(summaries);
    }

    private static void writeSketch(UserSketch users, BinaryOut out) {
        if (users == null) {
            out.writeByte(0);
            return;
        }
        int set = 0;
        for (int i = 0; i < UserSketch.REGISTERS; i++) {
            set += users.register(i) != 0 ? 1 : 0;
        }
        out.writeByte(set);
        for (int i = 0; i < UserSketch.REGISTERS; i++) {
            if (set > DENSE) {
                out.writeByte(users.register(i));
            } else if (users.register(i) != 0) {
                out.writeByte(i);
                out.writeByte(users.register(i));
            }
        }
    }

    private static UserSketch readSketch(BinaryIn in) throws IOException {
        int set = in.readUnsignedByte();
        if (set == 0) {
            return null;
        }
        if (set > UserSketch.REGISTERS) {
            throw new IOException("corrupt user sketch");
        }
        byte[] registers = new byte[UserSketch.REGISTERS];
        if (set > DENSE) {
            in.readFully(registers);
        } else {
            for (int i = 0; i < set; i++) {
                int index = in.readUnsignedByte();
                if (index >= UserSketch.REGISTERS) {
                    throw new IOException("corrupt user sketch");
                }
                registers[index] = (byte) in.readUnsignedByte();
            }
        }
        return UserSketch.restore(registers);
    }
}
