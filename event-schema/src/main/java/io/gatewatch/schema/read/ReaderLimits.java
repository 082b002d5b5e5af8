package io.gatewatch.schema.read;

/**
 * Bounds on hostile input. A real sign-in record is a few KiB (tens with many CA policies);
 * anything near the record limit is an attack or a broken export, and is refused before it is
 * parsed so memory stays bounded.
 *
 * @param maxRecordBytes  largest single record (one line, one array element, one Kafka value)
 * @param maxNestingDepth deepest JSON nesting accepted (real records nest 4 levels)
 */
public record ReaderLimits(int maxRecordBytes, int maxNestingDepth) {

    public static final ReaderLimits DEFAULT = new ReaderLimits(4 * 1024 * 1024, 64);

    public ReaderLimits {
        if (maxRecordBytes < 1024) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 1024, was " + maxRecordBytes);
        }
        if (maxNestingDepth < 8) {
            throw new IllegalArgumentException("maxNestingDepth must be at least 8, was " + maxNestingDepth);
        }
    }
}
