package io.gatewatch.app.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Marker;

/**
 * Lets through one Kafka client connection warning a minute: while a broker is away every client
 * (admin, producers, consumers, restore consumers) says so every second, which buries the one
 * line that matters. Likewise one retriable metadata warning a minute ("reported a recoverable
 * issue ... UNKNOWN_TOPIC_OR_PARTITION"): every consumer says it while the topics it was just
 * given are being created, which floods the output of {@code bench} and {@code demo} at start.
 * The start-up wait's own client ({@link BrokerWait}) is silent altogether: its outcome is the one
 * line {@code run} logs. Installed by {@code logback.xml}.
 */
public final class ConnectionWarningThrottle extends TurboFilter {

    static final long INTERVAL_MS = 60_000;
    private static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";

    private final LongSupplier clock;
    private final AtomicLong nextConnectionMs = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong nextRecoverableMs = new AtomicLong(Long.MIN_VALUE);

    public ConnectionWarningThrottle() {
        this(System::currentTimeMillis);
    }

    ConnectionWarningThrottle(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format != null && format.contains("clientId=" + BrokerWait.CLIENT_ID + "]")) {
            return FilterReply.DENY; // the client's prefix is part of the format
        }
        if (level != Level.WARN || !logger.getName().equals(NETWORK_CLIENT) || format == null) {
            return FilterReply.NEUTRAL;
        }
        if (format.contains("could not be established") || format.contains("disconnected")) {
            return onceAMinute(nextConnectionMs);
        }
        return format.contains("recoverable issue") ? onceAMinute(nextRecoverableMs) : FilterReply.NEUTRAL;
    }

    private FilterReply onceAMinute(AtomicLong next) {
        long now = clock.getAsLong();
        long allowed = next.get();
        return now >= allowed && next.compareAndSet(allowed, now + INTERVAL_MS) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
