package io.gatewatch.aggregate;

import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.TenantAggregate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-tenant tumbling windows with the streaming topology's event-time rules, in memory: an event
 * whose window ended more than {@code grace} behind stream time is dropped as late; a window is
 * final once stream time passes its end plus grace, and is handed out once, in order of window
 * end, then tenant. Only open windows are held.
 */
public final class TenantWindows {

    private record Key(long endMs, String tenant) {
    }

    private static final Comparator<Key> BY_END_THEN_TENANT =
            Comparator.comparingLong(Key::endMs).thenComparing(Key::tenant);

    private final long sizeMs;
    private final long graceMs;
    private final TreeMap<Key, TenantWindowCounts> open = new TreeMap<>(BY_END_THEN_TENANT);
    private long streamTime = Long.MIN_VALUE;
    private long dropped;

    public TenantWindows(long sizeMs, long graceMs) {
        this.sizeMs = sizeMs;
        this.graceMs = graceMs;
    }

    /** Counts the event into its tenant's window, unless that window has already closed. */
    public void add(String tenant, ClassifiedEvent event, long timeMs) {
        streamTime = Math.max(streamTime, timeMs);
        long end = Math.floorDiv(timeMs, sizeMs) * sizeMs + sizeMs;
        if (end <= streamTime - graceMs) {
            dropped++;
            return;
        }
        open.computeIfAbsent(new Key(end, tenant), k -> new TenantWindowCounts()).add(event);
    }

    /** The windows that stream time has closed, each once. */
    public List<TenantAggregate> closed() {
        List<TenantAggregate> closed = new ArrayList<>();
        while (!open.isEmpty() && open.firstKey().endMs() <= streamTime - graceMs) {
            Map.Entry<Key, TenantWindowCounts> window = open.pollFirstEntry();
            closed.add(aggregate(window.getKey(), window.getValue()));
        }
        return closed;
    }

    /** End of input: every window still open, by window start, then tenant. */
    public List<TenantAggregate> finish() {
        List<TenantAggregate> rest = new ArrayList<>();
        open.forEach((key, counts) -> rest.add(aggregate(key, counts)));
        open.clear();
        rest.sort(Comparator.comparing(TenantAggregate::windowStart).thenComparing(TenantAggregate::tenantId));
        return rest;
    }

    /** Events left out of their window as late. */
    public long dropped() {
        return dropped;
    }

    private TenantAggregate aggregate(Key key, TenantWindowCounts counts) {
        return counts.toAggregate(key.tenant(), Instant.ofEpochMilli(key.endMs() - sizeMs), Instant.ofEpochMilli(key.endMs()));
    }
}
