package io.gatewatch.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * For commands whose console is their own output (the demo's alerts, the bench's table): the
 * libraries' warnings about a single-node cluster starting up and the app's state changes are for
 * operators of {@code run}, not for whoever reads that output. Errors still show.
 */
public final class ConsoleLogging {

    private ConsoleLogging() {
    }

    /** The given libraries' loggers at ERROR, Gatewatch's own at WARN; Kafka's always among them. */
    public static void quiet(String... moreLibraries) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            for (String name : new String[] {"org.apache.kafka", "kafka"}) {
                context.getLogger(name).setLevel(Level.ERROR);
            }
            for (String name : moreLibraries) {
                context.getLogger(name).setLevel(Level.ERROR);
            }
            context.getLogger("io.gatewatch").setLevel(Level.WARN);
        }
    }
}
