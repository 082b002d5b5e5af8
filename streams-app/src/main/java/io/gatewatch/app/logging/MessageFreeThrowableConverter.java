package io.gatewatch.app.logging;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * Writes a logged exception as its classes and stack frames, never its messages — for every
 * logger, Kafka's included. An exception's message is where record content leaks: a parser quotes
 * the text it choked on, a bug's message names the user it failed for, and Kafka's own handlers
 * log such exceptions whole. The class, the frames and the line's own text (topic, partition,
 * offset, task) say where to look; the record itself is in the dead-letter topic.
 */
public final class MessageFreeThrowableConverter extends ThrowableHandlingConverter {

    /** How deep a chain of causes is written: deeper ones are Kafka wrapping its own. */
    private static final int MAX_CAUSES = 8;

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        write(text, thrown, "", 0);
        return text.toString();
    }

    private static void write(StringBuilder text, IThrowableProxy thrown, String prefix, int depth) {
        text.append(prefix).append(thrown.getClassName()).append(" (message withheld: it may quote a record)")
                .append(CoreConstants.LINE_SEPARATOR);
        StackTraceElementProxy[] frames = thrown.getStackTraceElementProxyArray();
        int shown = frames.length - thrown.getCommonFrames();
        for (int i = 0; i < shown; i++) {
            text.append('\t').append(frames[i].getSTEAsString()).append(CoreConstants.LINE_SEPARATOR);
        }
        if (thrown.getCommonFrames() > 0) {
            text.append("\t... ").append(thrown.getCommonFrames()).append(" common frames omitted")
                    .append(CoreConstants.LINE_SEPARATOR);
        }
        if (thrown.getSuppressed() != null) {
            for (IThrowableProxy suppressed : thrown.getSuppressed()) {
                text.append("\tSuppressed: ").append(suppressed.getClassName()).append(CoreConstants.LINE_SEPARATOR);
            }
        }
        if (thrown.getCause() != null && depth < MAX_CAUSES) {
            write(text, thrown.getCause(), "Caused by: ", depth + 1);
        }
    }
}
