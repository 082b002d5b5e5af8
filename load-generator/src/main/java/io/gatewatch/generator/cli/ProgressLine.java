package io.gatewatch.generator.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live progress line: events sent, the current rate and errors, redrawn in place once a
 * second on a terminal, or a plain line every ten seconds when stderr is a file or a CI log.
 */
final class ProgressLine {

    private final PrintWriter err;
    private final boolean terminal;
    private final long intervalNanos;
    private long lastNanos;
    private long lastEvents;
    private boolean drawn;

    ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 1_000_000_000L : 10_000_000_000L;
        this.lastNanos = System.nanoTime();
    }

    void update(long events, long errors) {
        long now = System.nanoTime();
        if (now - lastNanos < intervalNanos) {
            return;
        }
        double rate = (events - lastEvents) * 1e9 / (now - lastNanos);
        String line = String.format(Locale.ROOT, "sent %,d events  %,.0f events/s  errors %,d", events, rate, errors);
        if (terminal) {
            err.print("\r" + line + "   ");
            drawn = true;
        } else {
            err.println(line);
        }
        err.flush();
        lastNanos = now;
        lastEvents = events;
    }

    /** Ends a line redrawn in place, so the summary starts on its own. */
    void finish() {
        if (drawn) {
            err.println();
        }
    }
}
