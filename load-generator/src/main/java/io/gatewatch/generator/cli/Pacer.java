package io.gatewatch.generator.cli;

import java.time.Duration;
import java.time.Instant;

/**
 * Holds each event back until its offset in event time has passed on the wall clock, so the
 * generator sends at the requested rate; does nothing when running as fast as possible.
 */
final class Pacer {

    private final Instant eventStart;
    private final boolean paced;
    private final long wallStartNanos = System.nanoTime();

    Pacer(Instant eventStart, boolean paced) {
        this.eventStart = eventStart;
        this.paced = paced;
    }

    void awaitTurnOf(Instant eventTime) throws InterruptedException {
        if (!paced) {
            return;
        }
        long dueNanos = wallStartNanos + Duration.between(eventStart, eventTime).toNanos();
        long aheadNanos = dueNanos - System.nanoTime();
        if (aheadNanos > 2_000_000L) {
            Thread.sleep(aheadNanos / 1_000_000L);
        }
    }
}
