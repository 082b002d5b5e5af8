package io.gatewatch.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * The bench's console is its progress and its table: the broker's and clients' warnings about
 * runs starting on a fresh single-node cluster (concurrent transactions retried, offsets of
 * partitions just reassigned) and the app's state changes say nothing about the measurement.
 * Errors still show.
 */
final class BenchLogging {

    private BenchLogging() {
    }

    static void quiet() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            for (String name : new String[] {"org.apache.kafka", "kafka"}) {
                context.getLogger(name).setLevel(Level.ERROR);
            }
            context.getLogger("io.gatewatch").setLevel(Level.WARN);
        }
    }
}
