package io.gatewatch.detect;

import io.gatewatch.aggregate.DistinctCounter;
import io.gatewatch.schema.InputEvent;

/**
 * What makes two records the same event, for the streaming dedup store and the offline engine
 * alike: the 64-bit hash of tenant, category and id, at the same second of event time.
 */
public final class DedupIdentity {

    private DedupIdentity() {
    }

    public static long hash(String tenant, InputEvent event) {
        return DistinctCounter.hash(tenant + "|" + event.dedupKey());
    }

    /** The start of the second holding {@code timeMs}. */
    public static long secondOf(long timeMs) {
        return Math.floorDiv(timeMs, 1000L) * 1000L;
    }
}
