package io.gatewatch.app.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.diagnose.SignInSummary;
import io.gatewatch.diagnose.UserHistory;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * A history read lazily behaves as one read whole, and writes back exactly the bytes of the same
 * history written from scratch, whatever was recorded in between.
 */
class LazySummariesTest {

    private final UserHistorySerde serde = new UserHistorySerde();

    @Test
    void aHistoryReadLazilyAndRecordedIntoWritesTheBytesOfOneWrittenFromScratch() {
        Random random = new Random(11);
        List<SignInSummary> start = new ArrayList<>();
        for (int i = 0; i < UserHistory.CAPACITY; i++) {
            start.add(summary(random, i * 3));
        }
        byte[] stored = serde.serializer().serialize("t", UserHistory.restore(start));
        for (int round = 0; round < 300; round++) {
            UserHistory lazy = serde.deserializer().deserialize("t", stored);
            UserHistory eager = UserHistory.restore(new ArrayList<>(serde.deserializer().deserialize("t", stored).recent()));
            // in order, out of order (an insert inside the list), past capacity (the oldest dropped), repeats
            for (int added = random.nextInt(4); added >= 0; added--) {
                SignInSummary next = summary(random, 90 + round * 2 + random.nextInt(12) - 6);
                assertThat(lazy.add(next)).as("round %d: the same decision as a history read whole", round)
                        .isEqualTo(eager.add(next));
            }
            assertThat(lazy.recent()).isEqualTo(eager.recent());
            assertThat(lazy.lastSeenMs()).isEqualTo(eager.lastSeenMs());
            byte[] written = serde.serializer().serialize("t", lazy);
            assertThat(written).as("round %d", round).isEqualTo(serde.serializer().serialize("t", eager));
            stored = written;
        }
    }

    @Test
    void aSignInNotChangedIsWrittenBackAsTheBytesItWasReadAs() {
        Random random = new Random(3);
        byte[] stored = serde.serializer().serialize("t", UserHistory.restore(List.of(summary(random, 0),
                summary(random, 5))));
        int correlationIdStart = 1 + 2 + 8 + 1 + 2; // version, count, time, present, length
        byte[] marked = Arrays.copyOf(stored, stored.length);
        // "c-" as one overlong two-byte character 'c': it reads back, but encoding it again gives other bytes
        marked[correlationIdStart] = (byte) 0xC1;
        marked[correlationIdStart + 1] = (byte) 0xA3;

        UserHistory history = serde.deserializer().deserialize("t", marked);
        history.add(summary(random, 60));
        byte[] written = serde.serializer().serialize("t", history);
        byte[] encodedAgain = serde.serializer().serialize("t", UserHistory.restore(history.recent()));

        String original = serde.deserializer().deserialize("t", stored).recent().get(0).correlationId();
        assertThat(history.recent().get(0).correlationId()).isEqualTo("c" + original.substring(2));
        assertThat(Arrays.copyOfRange(written, correlationIdStart, correlationIdStart + 2))
                .containsExactly(0xC1, 0xA3);
        assertThat(encodedAgain[correlationIdStart]).isEqualTo((byte) 'c');
    }

    @Test
    void aTruncatedHistoryFailsWhenReadNotWhenASignInIsLookedAt() {
        byte[] stored = serde.serializer().serialize("t", UserHistory.restore(List.of(summary(new Random(5), 0))));
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(stored, stored.length - 3)))
                .isInstanceOf(SerializationException.class);
    }

    private static SignInSummary summary(Random random, int minute) {
        boolean failed = random.nextInt(3) == 0;
        return new SignInSummary(Instant.ofEpochSecond(1_700_000_000L + minute * 60L), "c-" + random.nextLong(),
                "App " + random.nextInt(3), "Resource", "198.51.100." + random.nextInt(200), "Edge", "Windows 11",
                random.nextBoolean() ? "Seattle, US" : null, failed ? 50126 : 0,
                failed ? Category.INVALID_CREDENTIALS : Category.SUCCESS, failed ? Outcome.FAILURE : Outcome.SUCCESS,
                failed ? "Invalid username or password" : null, false,
                random.nextInt(5) == 0 ? List.of("Use https://contoso.crm.dynamics.com") : List.of());
    }
}
