package io.gatewatch.app.topology;

import java.nio.ByteBuffer;

/**
 * The dedup marks of one tenant and one second of event time, as the bytes the store keeps: a
 * format byte, then (64-bit id hash, offset) pairs sorted by hash. A second's marks are one store
 * record, so the record cache collapses all the events of a tenant-second within a commit into
 * one changelog write — where a record per id cost one write per event. Lookups binary-search
 * the bytes; nothing is decoded into objects.
 */
final class SecondMarks {

    static final byte FORMAT = 1;
    static final long ABSENT = Long.MIN_VALUE;
    private static final int HEADER = 1;
    private static final int PAIR = 16;

    private SecondMarks() {
    }

    /** The offset stored with {@code hash}, or {@link #ABSENT}. {@code marks} may be null (no marks yet). */
    static long offsetOf(byte[] marks, long hash) {
        if (marks == null) {
            return ABSENT;
        }
        int index = search(ByteBuffer.wrap(marks), count(marks), hash);
        return index >= 0 ? ByteBuffer.wrap(marks).getLong(HEADER + index * PAIR + 8) : ABSENT;
    }

    /** New marks with {@code hash} added (the caller has checked it is absent). */
    static byte[] with(byte[] marks, long hash, long offset) {
        int count = marks == null ? 0 : count(marks);
        int insertAt = marks == null ? 0 : -search(ByteBuffer.wrap(marks), count, hash) - 1;
        byte[] grown = new byte[HEADER + (count + 1) * PAIR];
        grown[0] = FORMAT;
        if (marks != null) {
            System.arraycopy(marks, HEADER, grown, HEADER, insertAt * PAIR);
            System.arraycopy(marks, HEADER + insertAt * PAIR, grown, HEADER + (insertAt + 1) * PAIR,
                    (count - insertAt) * PAIR);
        }
        ByteBuffer.wrap(grown).putLong(HEADER + insertAt * PAIR, hash).putLong(HEADER + insertAt * PAIR + 8, offset);
        return grown;
    }

    static int count(byte[] marks) {
        if (marks.length < HEADER || marks[0] != FORMAT || (marks.length - HEADER) % PAIR != 0) {
            throw new IllegalStateException("dedup marks of unknown format " + (marks.length == 0 ? "(empty)" : marks[0]));
        }
        return (marks.length - HEADER) / PAIR;
    }

    /** Index of {@code hash}, or -(insertion point) - 1, as {@link java.util.Arrays#binarySearch}. */
    private static int search(ByteBuffer marks, int count, long hash) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long found = marks.getLong(HEADER + mid * PAIR);
            if (found < hash) {
                low = mid + 1;
            } else if (found > hash) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
