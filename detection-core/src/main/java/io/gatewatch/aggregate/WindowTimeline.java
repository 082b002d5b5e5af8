package io.gatewatch.aggregate;

/**
 * The event-time bookkeeping of per-tenant tumbling windows, shared by the streaming topology and
 * the offline analyzer so both close, correct and expire windows alike. A window closes when stream
 * time passes its end plus the grace; it is then emitted once. An event for a window that has
 * already closed is <em>late</em>: it still counts, and its window is emitted again, corrected.
 * Only an event older than the retention behind stream time is dropped, because its window is gone.
 */
public final class WindowTimeline {

    /** What an event's window is when the event arrives. */
    public enum Fate { OPEN, LATE, EXPIRED }

    /** Windows starting in {@code [fromMs, toMs)} have just closed. */
    public record Closed(long fromMs, long toMs) {
    }

    private final long sizeMs;
    private final long graceMs;
    private final long retentionMs;
    private long streamTime = Long.MIN_VALUE;
    private long closedBefore = Long.MIN_VALUE; // every window starting earlier has been emitted

    public WindowTimeline(long sizeMs, long graceMs, long retentionMs) {
        this.sizeMs = sizeMs;
        this.graceMs = graceMs;
        this.retentionMs = retentionMs;
    }

    /**
     * Picks up where a previous run stopped (the streaming stage keeps {@link #closedBefore()} in a
     * store); stream time resumes at the least that closed those windows, and grows with the records.
     */
    public void restore(long closedBefore) {
        this.closedBefore = closedBefore;
        this.streamTime = Math.max(streamTime, closedBefore + graceMs);
    }

    public long windowStart(long timeMs) {
        return Math.floorDiv(timeMs, sizeMs) * sizeMs;
    }

    /** Advances stream time to the event (if it is the newest) and says what its window is. */
    public Fate observe(long timeMs) {
        streamTime = Math.max(streamTime, timeMs);
        if (closedBefore == Long.MIN_VALUE) {
            closedBefore = closedBound(); // the first event: nothing before it was ever emitted
        }
        long start = windowStart(timeMs);
        if (start + sizeMs <= streamTime - retentionMs) {
            return Fate.EXPIRED;
        }
        return start < closedBefore ? Fate.LATE : Fate.OPEN;
    }

    /** The windows stream time has closed since the last call, or null when none did. */
    public Closed close() {
        long bound = closedBound();
        if (closedBefore == Long.MIN_VALUE || bound <= closedBefore) {
            return null;
        }
        Closed closed = new Closed(closedBefore, bound);
        closedBefore = bound;
        return closed;
    }

    /** Windows starting before this are gone from the store: older than the retention. */
    public long expiredBefore() {
        return streamTime == Long.MIN_VALUE ? Long.MIN_VALUE : windowStart(streamTime - retentionMs);
    }

    public long streamTime() {
        return streamTime;
    }

    public long closedBefore() {
        return closedBefore;
    }

    public long sizeMs() {
        return sizeMs;
    }

    /** The first window start stream time has not yet closed: end + grace still ahead. */
    private long closedBound() {
        return Math.floorDiv(streamTime - graceMs - sizeMs, sizeMs) * sizeMs + sizeMs;
    }
}
