package io.gatewatch.rules;

import java.time.Instant;

/** When an alert counts as detected: now, or the event's own time when that is later. */
public final class DetectionTime {

    private DetectionTime() {
    }

    /**
     * Offline replays run on a clock that stands still (the epoch); live, an event stamped slightly
     * ahead of this host's clock must not look detected before it happened.
     */
    public static Instant of(long wallClockMs, long eventTimeMs) {
        return Instant.ofEpochMilli(Math.max(wallClockMs, eventTimeMs));
    }
}
