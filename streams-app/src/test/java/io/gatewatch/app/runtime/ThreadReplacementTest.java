package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.logging.LogCapture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadReplacementTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aFailedStreamThreadIsReplacedAndTheLogNamesOnlyTheExceptionsClass() {
        try (LogCapture logs = LogCapture.of(StreamThreadFailures.class)) {
            StreamThreadExceptionResponse response = StreamThreadFailures.standard().handle(
                    new IllegalStateException("bad record for victim@contoso.com from 203.0.113.9"));

            assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            assertThat(logs.lines()).containsExactly("Stream thread failed (IllegalStateException); replacing it");
            assertThat(logs.events()).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
        }
    }

    @Test
    void aFailureThatComesBackBeforeTheInstanceRunsAgainStopsItAtTheThird() {
        Instant[] now = {START};
        StreamThreadFailures failures = new StreamThreadFailures(10, Duration.ofMinutes(10), clock(now));

        assertThat(failures.handle(new IllegalStateException())).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        now[0] = now[0].plusSeconds(45); // a replacement's rebalance later
        assertThat(failures.handle(new IllegalStateException())).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        now[0] = now[0].plusSeconds(45);
        assertThat(failures.handle(new ArithmeticException())).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failures.last()).isEqualTo("ArithmeticException");
    }

    @Test
    void oneEventThatFailsEveryThreadAtOnceCountsOnce() {
        Instant[] now = {START};
        StreamThreadFailures failures = new StreamThreadFailures(10, Duration.ofMinutes(10), clock(now));
        for (int thread = 0; thread < 4; thread++) {
            assertThat(failures.handle(new IllegalStateException())).as("thread %d", thread)
                    .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            now[0] = now[0].plusMillis(200);
        }
    }

    @Test
    void failuresTheInstanceRecoversFromAreReplacedUntilTooManyInThePeriod() {
        Instant[] now = {START};
        StreamThreadFailures failures = new StreamThreadFailures(4, Duration.ofMinutes(1), clock(now));
        for (int i = 0; i < 3; i++) {
            assertThat(failures.handle(new IllegalStateException())).as("failure %d", i)
                    .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            failures.running();
            now[0] = now[0].plusSeconds(10);
        }
        assertThat(failures.handle(new IllegalStateException())).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void failuresFarApartAreEachReplaced() {
        Instant[] now = {START};
        StreamThreadFailures failures = new StreamThreadFailures(3, Duration.ofMinutes(1), clock(now));
        for (int i = 0; i < 10; i++) {
            assertThat(failures.handle(new IllegalStateException())).as("failure %d", i)
                    .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            now[0] = now[0].plusSeconds(31); // two within any minute, never three
            failures.running();
        }
    }

    private static Clock clock(Instant[] now) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
    }
}
