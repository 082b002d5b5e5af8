package io.gatewatch.cli.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * The demo's terminal is its console: the broker's and clients' warnings about a single-node
 * cluster starting up, and the app's state changes, are for operators of {@code run}, not for
 * someone watching alerts. Errors still show.
 */
public final class DemoLogging {

    private DemoLogging() {
    }

    public static void quiet() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            for (String name : new String[] {"org.apache.kafka", "kafka", "io.micrometer", "io.javalin", "org.eclipse.jetty"}) {
                context.getLogger(name).setLevel(Level.ERROR);
            }
            context.getLogger("io.gatewatch").setLevel(Level.WARN);
        }
    }
}
