package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ThreadReplacementTest {

    @Test
    void aFailedStreamThreadIsReplacedAndTheLogNamesOnlyTheExceptionsClass() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(GatewatchApp.class);
        logger.addAppender(logs);
        try {
            StreamThreadExceptionResponse response = GatewatchApp.replaceFailedThread(
                    new IllegalStateException("bad record for victim@contoso.com from 203.0.113.9"));

            assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("Stream thread failed (IllegalStateException); replacing it");
            assertThat(logs.list).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
        } finally {
            logger.detachAppender(logs);
        }
    }
}
