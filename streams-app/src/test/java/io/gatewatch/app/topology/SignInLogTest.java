package io.gatewatch.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.diagnose.Diagnoser;
import io.gatewatch.diagnose.Diagnosis;
import io.gatewatch.diagnose.SignInSummary;
import io.gatewatch.diagnose.UserHistory;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

class SignInLogTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final String KEY = "t1|user@contoso.com";
    private static final List<Category> FAILURES = List.of(Category.ACCOUNT_LOCKED, Category.PASSWORD_EXPIRED,
            Category.MFA_DENIED, Category.INVALID_CREDENTIALS, Category.EXPECTED_INTERRUPT);

    /** While a user's filter lives, the log read back holds what a history fed every sign-in holds. */
    @Test
    void readBackEqualsAHistoryFedEverySignIn() {
        Random random = new Random(3);
        int skipped = 0;
        for (int run = 0; run < 500; run++) {
            WindowStore<String, SignInSummary> store = store();
            SignInLog log = new SignInLog(store, 10);
            UserHistory fedEverything = new UserHistory();
            for (SignInSummary signIn : inOrder(random, 1 + random.nextInt(UserHistory.CAPACITY))) {
                fedEverything.add(signIn);
                skipped += log.record(KEY, signIn) ? 0 : 1;
            }
            assertThat(SignInLog.history(store, KEY).recent()).as("run %d", run).isEqualTo(fedEverything.recent());
        }
        assertThat(skipped).as("repeats were not written").isGreaterThan(1_000);
    }

    /**
     * Filters forgotten at random points (a restart, a user evicted) start empty: the diagnosis read
     * back is still the one a history fed every sign-in gives, and no failure goes unwritten.
     */
    @Test
    void acrossRestartsEveryDiagnosisIsTheSame() {
        Diagnoser diagnoser = new Diagnoser(ClassificationData.defaults());
        Random random = new Random(8);
        int restarts = 0;
        int listsDiffer = 0;
        for (int run = 0; run < 1_000; run++) {
            WindowStore<String, SignInSummary> store = store();
            SignInLog log = new SignInLog(store, 10);
            UserHistory fedEverything = new UserHistory();
            for (SignInSummary signIn : inOrder(random, 1 + random.nextInt(UserHistory.CAPACITY))) {
                if (random.nextInt(6) == 0) {
                    log = new SignInLog(store, 10);
                    restarts++;
                }
                fedEverything.add(signIn);
                log.record(KEY, signIn);
            }
            UserHistory readBack = SignInLog.history(store, KEY);
            Diagnosis expected = diagnoser.diagnose("user@contoso.com", "t1", fedEverything);
            Diagnosis actual = diagnoser.diagnose("user@contoso.com", "t1", readBack);
            assertThat(actual.problems()).as("run %d", run).isEqualTo(expected.problems());
            assertThat(actual.checks()).as("run %d", run).isEqualTo(expected.checks());
            assertThat(actual.status()).as("run %d", run).isEqualTo(expected.status());
            assertThat(failures(readBack)).as("run %d", run).isEqualTo(failures(fedEverything));
            listsDiffer += readBack.recent().equals(fedEverything.recent()) ? 0 : 1;
        }
        assertThat(restarts).isGreaterThan(1_000);
        assertThat(listsDiffer).as("successes listed differently after a restart were met").isPositive();
    }

    private static List<SignInSummary> failures(UserHistory history) {
        return history.recent().stream().filter(s -> s.outcome() != Outcome.SUCCESS).toList();
    }

    /** Past the history's capacity, and so past what a filter tracks exactly, the diagnosis is still the same. */
    @Test
    void longRunsOfSignInsDiagnoseAsAHistoryFedEverySignIn() {
        Diagnoser diagnoser = new Diagnoser(ClassificationData.defaults());
        Random random = new Random(4);
        for (int run = 0; run < 300; run++) {
            WindowStore<String, SignInSummary> store = store();
            SignInLog log = new SignInLog(store, 10);
            UserHistory fedEverything = new UserHistory();
            for (SignInSummary signIn : inOrder(random, UserHistory.CAPACITY + random.nextInt(4 * UserHistory.CAPACITY))) {
                fedEverything.add(signIn);
                log.record(KEY, signIn);
            }
            Diagnosis expected = diagnoser.diagnose("user@contoso.com", "t1", fedEverything);
            Diagnosis actual = diagnoser.diagnose("user@contoso.com", "t1", SignInLog.history(store, KEY));
            assertThat(actual.problems()).as("run %d", run).isEqualTo(expected.problems());
            assertThat(actual.checks()).as("run %d", run).isEqualTo(expected.checks());
        }
    }

    @Test
    void aSignInWrittenTwiceByAReplayIsReadOnce() {
        WindowStore<String, SignInSummary> store = store();
        SignInSummary lockout = signIn(1, 1, "Azure Portal", Category.ACCOUNT_LOCKED, Outcome.FAILURE);
        store.put(KEY, lockout, lockout.createdDateTime().toEpochMilli());
        store.put(KEY, lockout, lockout.createdDateTime().toEpochMilli());
        SignInSummary other = signIn(1, 2, "Teams", Category.ACCOUNT_LOCKED, Outcome.FAILURE);
        store.put(KEY, other, other.createdDateTime().toEpochMilli());
        assertThat(SignInLog.history(store, KEY).recent()).containsExactly(lockout, other);
        assertThat(SignInLog.history(store, "t1|someone-else").recent()).isEmpty();
    }

    private static WindowStore<String, SignInSummary> store() {
        WindowStore<String, SignInSummary> store = Stores.windowStoreBuilder(Stores.inMemoryWindowStore("sign-ins",
                Duration.ofDays(7), Duration.ofMillis(1), true), Serdes.String(), GatewatchSerdes.SIGN_IN_SUMMARY)
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    private static List<SignInSummary> inOrder(Random random, int count) {
        List<SignInSummary> signIns = new ArrayList<>();
        long minute = 0;
        for (int i = 0; i < count; i++) {
            minute += random.nextInt(5);
            String app = random.nextBoolean() ? "Azure Portal" : "Teams";
            if (random.nextInt(4) == 0) {
                Category failure = FAILURES.get(random.nextInt(FAILURES.size()));
                signIns.add(signIn(minute, i, app, failure,
                        failure == Category.EXPECTED_INTERRUPT ? Outcome.INTERRUPT : Outcome.FAILURE));
            } else {
                signIns.add(signIn(minute, i, app, Category.SUCCESS, Outcome.SUCCESS));
            }
        }
        return signIns;
    }

    /** The {@code n}th sign-in: its own correlation id, as every real sign-in has. */
    private static SignInSummary signIn(long minute, int n, String app, Category category, Outcome outcome) {
        return new SignInSummary(T0.plus(Duration.ofMinutes(minute)), "corr-" + n, app, null,
                "192.0.2.10", null, null, null, outcome == Outcome.SUCCESS ? 0 : 50000 + category.ordinal(), category,
                outcome, null, false, List.of());
    }
}
