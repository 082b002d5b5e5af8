package io.gatewatch.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.LoggerFactory;

/** Captures what a logger (and the loggers below it) writes while open, for tests of log lines. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    /** Levels changed while open, and what each logger had before (null: inherited), to restore. */
    private final Map<Logger, Level> changedLevels = new HashMap<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        appender.start();
        logger.addAppender(appender);
    }

    /** Every logger's lines. */
    public static LogCapture all() {
        return new LogCapture((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
    }

    /**
     * Every logger's lines at the levels the shipped {@code logback.xml} sets, not the tests' own
     * (which silence some of Kafka's warnings): what a running Gatewatch would write, no less.
     */
    public static LogCapture allAtShippedLevels() {
        LogCapture capture = all();
        LoggerContext shipped = ProductionLayout.shippedContext();
        LoggerContext tests = capture.logger.getLoggerContext();
        // every logger either configuration names: each then has, here, the level it has when shipped
        TreeSet<String> named = new TreeSet<>();
        for (LoggerContext context : List.of(shipped, tests)) {
            context.getLoggerList().stream().filter(l -> l.getLevel() != null).forEach(l -> named.add(l.getName()));
        }
        for (String name : named) {
            Logger target = tests.getLogger(name);
            capture.changedLevels.put(target, target.getLevel());
            target.setLevel(shipped.getLogger(name).getEffectiveLevel());
        }
        return capture;
    }

    public static LogCapture of(Class<?> source) {
        return new LogCapture((Logger) LoggerFactory.getLogger(source));
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** The formatted messages so far. */
    public List<String> lines() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Every event so far as the shipped configuration writes it, exceptions included ({@link ProductionLayout}). */
    public List<String> written() {
        ProductionLayout layout = ProductionLayout.load();
        return events().stream().map(layout::render).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        changedLevels.forEach(Logger::setLevel);
    }
}
