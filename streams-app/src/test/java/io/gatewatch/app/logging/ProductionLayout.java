package io.gatewatch.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Renders a log event exactly as a running Gatewatch writes it: the layout of the shipped
 * {@code logback.xml} (not the tests' own), exceptions included — so a test of what reaches the
 * log reads the line an operator would.
 */
public final class ProductionLayout {

    private final OutputStreamAppender<ILoggingEvent> appender;

    private ProductionLayout(OutputStreamAppender<ILoggingEvent> appender) {
        this.appender = appender;
    }

    public static ProductionLayout load() {
        LoggerContext context = shippedContext();
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        return new ProductionLayout(appender);
    }

    /** The shipped {@code logback.xml} loaded into a context of its own, apart from the tests' logging. */
    static LoggerContext shippedContext() {
        URL shipped = ProductionLayout.class.getResource("/logback.xml");
        if (shipped == null) {
            throw new IllegalStateException("the shipped logback.xml is not on the class path");
        }
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(shipped);
        } catch (JoranException e) {
            throw new IllegalStateException("the shipped logback.xml does not load", e);
        }
        return context;
    }

    /** The text the shipped configuration writes for {@code event}. */
    public String render(ILoggingEvent event) {
        byte[] bytes = appender.getEncoder().encode(event);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** True when the shipped encoder is a layout (what {@link #render} relies on). */
    boolean usesLayout() {
        return appender.getEncoder() instanceof LayoutWrappingEncoder;
    }
}
