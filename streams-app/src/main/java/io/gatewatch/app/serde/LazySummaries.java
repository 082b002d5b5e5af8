package io.gatewatch.app.serde;

import io.gatewatch.diagnose.SignInSummary;
import java.io.IOException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A user's stored sign-ins, each decoded only when it is read. Recording a sign-in reads the
 * newest few (is it a repeat?), inserts one and drops the oldest; decoding all thirty for that was
 * the largest part of reading a history. The entries' bounds (and enum names) are checked when the
 * value is read, so a truncated value still fails there; entries never changed are written back as
 * the very bytes they were read as.
 */
final class LazySummaries extends AbstractList<SignInSummary> implements RandomAccess {

    private final byte[] source;
    private SignInSummary[] values;
    /** Where each entry lies in {@link #source}; -1 for one added since the read. */
    private int[] starts;
    private int[] ends;
    private int size;

    private LazySummaries(byte[] source, int capacity) {
        this.source = source;
        this.values = new SignInSummary[capacity];
        this.starts = new int[capacity];
        this.ends = new int[capacity];
    }

    /** Finds the bounds of {@code count} entries of the current format, decoding none. */
    static LazySummaries read(BinaryIn in, int count) throws IOException {
        LazySummaries list = new LazySummaries(in.source(), count + 1);
        for (int i = 0; i < count; i++) {
            list.starts[i] = in.position();
            UserHistorySerde.skipSummary(in);
            list.ends[i] = in.position();
        }
        list.size = count;
        return list;
    }

    /** Entries as read are copied; the others encoded. */
    void writeTo(BinaryOut out) throws IOException {
        for (int i = 0; i < size; i++) {
            if (starts[i] >= 0) {
                out.write(source, starts[i], ends[i] - starts[i]);
            } else {
                UserHistorySerde.writeSummary(values[i], out);
            }
        }
    }

    @Override
    public SignInSummary get(int index) {
        Objects.checkIndex(index, size);
        SignInSummary value = values[index];
        if (value == null) {
            try {
                value = UserHistorySerde.readSummary(new BinaryIn(source, starts[index]));
            } catch (IOException e) {
                throw new SerializationException("cannot read UserHistory"); // no cause: it may name content
            }
            values[index] = value;
        }
        return value;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void add(int index, SignInSummary element) {
        Objects.checkIndex(index, size + 1);
        if (size == values.length) {
            int capacity = size * 2 + 1;
            values = Arrays.copyOf(values, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        System.arraycopy(values, index, values, index + 1, size - index);
        System.arraycopy(starts, index, starts, index + 1, size - index);
        System.arraycopy(ends, index, ends, index + 1, size - index);
        values[index] = Objects.requireNonNull(element);
        starts[index] = -1;
        size++;
        modCount++;
    }

    @Override
    public SignInSummary remove(int index) {
        SignInSummary removed = get(index);
        System.arraycopy(values, index + 1, values, index, size - index - 1);
        System.arraycopy(starts, index + 1, starts, index, size - index - 1);
        System.arraycopy(ends, index + 1, ends, index, size - index - 1);
        size--;
        values[size] = null;
        modCount++;
        return removed;
    }
}
