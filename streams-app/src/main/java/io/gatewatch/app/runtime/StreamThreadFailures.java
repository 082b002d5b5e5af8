package io.gatewatch.app.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do with a stream thread that died of an exception no handler took: replace it, since
 * most such failures pass (a broker that restarted, a fenced producer); but a failure that comes
 * back as soon as the thread does (an internal topic the cluster refuses, a store that cannot
 * open) would replace threads for ever while the instance processes nothing and looks alive. The
 * whole instance stops (Kafka Streams goes to ERROR, so {@code run} exits and a supervisor sees
 * it) after {@link #IN_A_ROW} failures with no return to RUNNING between them — each
 * replacement's rebalance takes tens of seconds, so a count per minute would never trip — or
 * {@code limit} failures within {@code period} however the instance fared between them. Failures
 * within {@link #BURST} of the one before count once: one event that fails every thread at once
 * is one failure, not one per thread. The log names the exception's class only: its message may
 * quote a record.
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailures.class);

    static final int IN_A_ROW = 3;
    static final Duration BURST = Duration.ofSeconds(5);
    static final int LIMIT = 10;
    static final Duration PERIOD = Duration.ofMinutes(10);

    private final int limit;
    private final long periodMs;
    private final Clock clock;
    private final Deque<Long> recent = new ArrayDeque<>();
    private volatile String last;
    private int sinceRunning;
    private long lastCountedMs = Long.MIN_VALUE;

    StreamThreadFailures(int limit, Duration period, Clock clock) {
        this.limit = limit;
        this.periodMs = period.toMillis();
        this.clock = clock;
    }

    static StreamThreadFailures standard() {
        return new StreamThreadFailures(LIMIT, PERIOD, Clock.systemUTC());
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable failure) {
        long now = clock.millis();
        last = failure.getClass().getSimpleName();
        if (lastCountedMs == Long.MIN_VALUE || now - lastCountedMs >= BURST.toMillis()) {
            lastCountedMs = now;
            recent.addLast(now);
            sinceRunning++;
        }
        while (!recent.isEmpty() && recent.peekFirst() < now - periodMs) {
            recent.removeFirst();
        }
        if (sinceRunning >= IN_A_ROW || recent.size() >= limit) {
            LOG.error("Stream thread failed ({}): {} failures in a row, {} within {} min; stopping the instance", last,
                    sinceRunning, recent.size(), periodMs / 60_000);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("Stream thread failed ({}); replacing it", last);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** The instance reached RUNNING: the failures so far passed. */
    synchronized void running() {
        sinceRunning = 0;
    }

    /** The class of the last failure, null before any: for the line {@code run} ends with. */
    String last() {
        return last;
    }
}
