package io.gatewatch.aggregate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One dimension's values in a tenant window: at most {@code capacity} rows, as a Space-Saving
 * summary (Metwally, Agrawal, El Abbadi 2005) over the window's failures.
 *
 * <p>While the window has no more values than the capacity, every row is exact and
 * {@link #floor()} is 0. Past it, a failure of a value not held replaces the row with the fewest
 * failures (sign-ins that never failed go first): the newcomer takes over that row's failure count
 * {@code m} as its own {@code error}. Guarantees, with {@code F} the window's failures and
 * {@code k} the capacity:
 * <ul>
 *   <li>a held row's true failures lie in {@code [failures - error, failures]};</li>
 *   <li>a value not held has at most {@link #floor()} failures, and in one window
 *       {@code floor <= F / k}: every value with more than {@code F / k} failures is held, so the
 *       top values by failures are listed, each within its error;</li>
 *   <li>merging windows (minutes into hours and days, or a query's range) keeps the first two:
 *       a value one side does not hold counts that side's floor as both failures and error
 *       (Cafaro et al., parallel Space-Saving), and rows cut to the capacity raise the floor to the
 *       largest count cut. The merged floor stays below {@code 2F / k}.</li>
 * </ul>
 * Sign-ins that no row holds are counted in {@link #untrackedSignIns()}; a row's sign-ins are
 * exact while {@code error} is 0. Memory: {@code k} rows of a value, three counts and a 64-byte
 * user sketch.
 */
public final class DimensionSummary {

    private static final Comparator<BreakdownRow> FEWEST_FIRST = Comparator.comparingLong(BreakdownRow::failures)
            .thenComparingLong(BreakdownRow::signIns).thenComparing(BreakdownRow::value);

    private final int capacity;
    private final boolean failuresOnly;
    private final Map<String, BreakdownRow> rows = new HashMap<>();
    private long floor;
    private long untrackedSignIns;
    /** The rows' heap ({@link #weight}), kept as they change: the decoded store weighs a tenant's minute at every event. */
    private long rowBytes;

    public DimensionSummary(Dimension dimension) {
        this(dimension.capacity(), dimension.failuresOnly());
    }

    DimensionSummary(int capacity, boolean failuresOnly) {
        this.capacity = capacity;
        this.failuresOnly = failuresOnly;
    }

    /** A summary as stored. */
    public static DimensionSummary restore(Dimension dimension, Collection<BreakdownRow> rows, long floor,
                                           long untrackedSignIns) {
        DimensionSummary summary = new DimensionSummary(dimension);
        rows.forEach(row -> summary.rows.put(row.value(), row));
        summary.floor = floor;
        summary.untrackedSignIns = untrackedSignIns;
        summary.reweigh();
        return summary;
    }

    public Collection<BreakdownRow> rows() {
        return Collections.unmodifiableCollection(rows.values());
    }

    /** The most failures a value not held can have; 0 while nothing was ever left out. */
    public long floor() {
        return floor;
    }

    /** Sign-ins no row holds (values left out, or a failures-only dimension's values that never failed). */
    public long untrackedSignIns() {
        return untrackedSignIns;
    }

    /** Whether every row is exact and no value was left out. */
    public boolean exact() {
        return floor == 0 && untrackedSignIns == 0;
    }

    public boolean isEmpty() {
        return rows.isEmpty() && untrackedSignIns == 0;
    }

    /** Counts one sign-in of {@code value}; {@code userHash} is its failing user's, 0 for none. */
    public void add(String value, boolean failure, long userHash) {
        BreakdownRow row = rows.get(value);
        if (row == null) {
            if (!failure && (failuresOnly || rows.size() >= capacity)) {
                untrackedSignIns++;
                return;
            }
            row = new BreakdownRow(value);
            if (rows.size() >= capacity) {
                BreakdownRow fewest = Collections.min(rows.values(), FEWEST_FIRST);
                rows.remove(fewest.value());
                rowBytes -= weight(fewest);
                floor = Math.max(floor, fewest.failures);
                untrackedSignIns += fewest.signIns - fewest.failures;
                row.failures = fewest.failures;
                row.error = fewest.failures;
                row.signIns = fewest.failures;
            }
            rows.put(value, row);
            rowBytes += weight(row);
        }
        row.signIns++;
        if (failure) {
            row.failures++;
            if (userHash != 0) {
                if (row.users == null) {
                    rowBytes += USER_SKETCH_BYTES;
                }
                row.addUser(userHash);
            }
        }
    }

    /** Adds another window's summary of the same dimension. */
    public void merge(DimensionSummary other) {
        long ownFloor = floor;
        long otherFloor = other.floor;
        if (ownFloor != 0 || otherFloor != 0) {
            for (BreakdownRow row : rows.values()) {
                if (!other.rows.containsKey(row.value())) {
                    row.failures += otherFloor;
                    row.error += otherFloor;
                    row.signIns += otherFloor;
                }
            }
        }
        for (BreakdownRow theirs : other.rows.values()) {
            BreakdownRow row = rows.get(theirs.value());
            if (row == null) {
                row = BreakdownRow.restore(theirs.value(), ownFloor, ownFloor, ownFloor, null);
                rows.put(row.value(), row);
            }
            row.signIns += theirs.signIns;
            row.failures += theirs.failures;
            row.error += theirs.error;
            row.addUsers(theirs.users);
        }
        floor = ownFloor + otherFloor;
        untrackedSignIns += other.untrackedSignIns;
        if (rows.size() > capacity) {
            List<BreakdownRow> fewestFirst = new ArrayList<>(rows.values());
            fewestFirst.sort(FEWEST_FIRST);
            for (BreakdownRow cut : fewestFirst.subList(0, rows.size() - capacity)) {
                rows.remove(cut.value());
                floor = Math.max(floor, cut.failures);
                untrackedSignIns += cut.signIns;
            }
        }
        reweigh();
    }

    public DimensionSummary copy() {
        DimensionSummary copy = new DimensionSummary(capacity, failuresOnly);
        rows.values().forEach(row -> copy.rows.put(row.value(), row.copy()));
        copy.floor = floor;
        copy.untrackedSignIns = untrackedSignIns;
        copy.rowBytes = rowBytes;
        return copy;
    }

    /** Heap this takes, about: the map and each row with its value and sketch. */
    long weight() {
        return 64 + rowBytes;
    }

    private static final long USER_SKETCH_BYTES = 80;

    private static long weight(BreakdownRow row) {
        return 120 + 2L * row.value().length() + (row.users == null ? 0 : USER_SKETCH_BYTES);
    }

    private void reweigh() {
        rowBytes = 0;
        for (BreakdownRow row : rows.values()) {
            rowBytes += weight(row);
        }
    }
}
