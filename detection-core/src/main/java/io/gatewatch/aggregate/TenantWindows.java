package io.gatewatch.aggregate;

import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.TenantAggregate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per-tenant tumbling windows with the streaming topology's event-time rules ({@link WindowTimeline}),
 * in memory: a window is handed out once when stream time closes it (in order of window start,
 * then tenant); a late event still counts and hands its window out again, corrected; only an event
 * older than the retention is dropped. Windows are held for the retention, as the topology's store
 * holds them.
 */
public final class TenantWindows {

    private record Key(long startMs, String tenant) {
    }

    private static final Comparator<Key> BY_START_THEN_TENANT =
            Comparator.comparingLong(Key::startMs).thenComparing(Key::tenant);

    private final WindowTimeline timeline;
    private final TreeMap<Key, TenantWindowCounts> windows = new TreeMap<>(BY_START_THEN_TENANT);
    private long dropped;

    public TenantWindows(long sizeMs, long graceMs, long retentionMs) {
        this.timeline = new WindowTimeline(sizeMs, graceMs, retentionMs);
    }

    /** Counts the event into its tenant's window; for a window already handed out, its correction. */
    public Optional<TenantAggregate> add(String tenant, ClassifiedEvent event, long timeMs) {
        WindowTimeline.Fate fate = timeline.observe(timeMs);
        if (fate == WindowTimeline.Fate.EXPIRED) {
            dropped++;
            return Optional.empty();
        }
        Key key = new Key(timeline.windowStart(timeMs), tenant);
        TenantWindowCounts previous = windows.get(key);
        TenantWindowCounts counts = (previous == null ? new TenantWindowCounts() : previous).add(event);
        windows.put(key, counts);
        return fate == WindowTimeline.Fate.LATE ? Optional.of(aggregate(key, counts, previous != null)) : Optional.empty();
    }

    /** The windows that stream time has closed, each once; windows past the retention are let go. */
    public List<TenantAggregate> closed() {
        List<TenantAggregate> closed = new ArrayList<>();
        WindowTimeline.Closed range = timeline.close();
        if (range != null) {
            windows.subMap(new Key(range.fromMs(), ""), new Key(range.toMs(), ""))
                    .forEach((key, counts) -> closed.add(aggregate(key, counts, false)));
        }
        windows.headMap(new Key(timeline.expiredBefore(), ""), false).clear();
        return closed;
    }

    /** End of input: every window not yet handed out, by window start, then tenant. */
    public List<TenantAggregate> finish() {
        List<TenantAggregate> rest = new ArrayList<>();
        windows.tailMap(new Key(timeline.closedBefore(), ""), true)
                .forEach((key, counts) -> rest.add(aggregate(key, counts, false)));
        windows.clear();
        return rest;
    }

    /** Events older than the retention, left out. */
    public long dropped() {
        return dropped;
    }

    private TenantAggregate aggregate(Key key, TenantWindowCounts counts, boolean correction) {
        Instant start = Instant.ofEpochMilli(key.startMs());
        TenantAggregate aggregate = counts.toAggregate(key.tenant(), start, start.plusMillis(timeline.sizeMs()));
        return correction ? aggregate.asCorrection() : aggregate;
    }
}
