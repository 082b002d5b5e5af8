package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.logging.LogCapture;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadReplacementTest {

    @Test
    void aFailedStreamThreadIsReplacedAndTheLogNamesOnlyTheExceptionsClass() {
        try (LogCapture logs = LogCapture.of(GatewatchApp.class)) {
            StreamThreadExceptionResponse response = GatewatchApp.replaceFailedThread(
                    new IllegalStateException("bad record for victim@contoso.com from 203.0.113.9"));

            assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            assertThat(logs.lines()).containsExactly("Stream thread failed (IllegalStateException); replacing it");
            assertThat(logs.events()).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
        }
    }
}
