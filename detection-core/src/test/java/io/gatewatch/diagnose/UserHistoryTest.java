package io.gatewatch.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UserHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final List<String> APPS = List.of("Microsoft Teams", "Azure Portal");
    private static final List<String> ORGS = List.of("contoso.crm4.dynamics.com", "fabrikam.crm.dynamics.com");
    private static final List<Category> FAILURES = List.of(Category.ACCOUNT_LOCKED, Category.CONDITIONAL_ACCESS_BLOCKED,
            Category.PASSWORD_EXPIRED, Category.MFA_DENIED, Category.APP_NOT_ASSIGNED, Category.MISSING_SECURITY_ROLE,
            Category.INVALID_CREDENTIALS);

    private static final List<Category> INTERRUPTS = List.of(Category.EXPECTED_INTERRUPT, Category.MFA_REQUIRED,
            Category.SESSION_EXPIRED);

    @Test
    void aSuccessRepeatingTheSameAppWithinFifteenMinutesIsNotKept() {
        UserHistory history = new UserHistory();
        assertThat(history.add(success(0, "Microsoft Teams"))).isTrue();
        assertThat(history.add(success(14, "Microsoft Teams"))).isFalse();
        assertThat(history.add(success(15, "Microsoft Teams"))).as("15 minutes after the held one").isTrue();
        assertThat(history.recent()).hasSize(2);
    }

    @Test
    void aSuccessIsKeptAfterAFailureForAnotherAppOrOutOfOrder() {
        UserHistory history = new UserHistory();
        history.add(success(0, "Microsoft Teams"));
        assertThat(history.add(success(1, "Azure Portal"))).as("another app").isTrue();
        assertThat(history.add(success(2, "Microsoft Teams"))).as("only successes since the held Teams one").isFalse();
        history.add(summary(3, "Microsoft Teams", null, 50140, Category.EXPECTED_INTERRUPT, Outcome.INTERRUPT, false));
        assertThat(history.add(success(3, "Microsoft Teams"))).as("an interrupt clears nothing and needs no clearing")
                .isFalse();
        history.add(failure(3, "Azure Portal", Category.ACCOUNT_LOCKED));
        assertThat(history.add(success(4, "Microsoft Teams"))).as("a failure since: this success may clear it").isTrue();
        assertThat(history.add(success(3, "Microsoft Teams"))).as("older than the newest held").isTrue();
        assertThat(history.recent()).extracting(SignInSummary::createdDateTime).isSorted();
    }

    @Test
    void dynamicsRequestsRepeatPerOrgNotPerApp() {
        UserHistory history = new UserHistory();
        history.add(dynamics(0, ORGS.get(0), Outcome.SUCCESS));
        assertThat(history.add(dynamics(1, ORGS.get(1), Outcome.SUCCESS))).isTrue();
        assertThat(history.add(dynamics(2, ORGS.get(0), Outcome.SUCCESS))).isFalse();
        assertThat(history.add(success(3, "Microsoft Teams"))).as("a sign-in is not a Dynamics request").isTrue();
    }

    /** Skipping a repeated success never changes what the helpdesk is told: same problems, same checks. */
    @Test
    void skippingRepeatedSuccessesNeverChangesADiagnosis() {
        Diagnoser diagnoser = new Diagnoser(ClassificationData.defaults());
        Random random = new Random(7);
        int skipped = 0;
        for (int run = 0; run < 2_000; run++) {
            List<SignInSummary> events = randomEvents(random, 1 + random.nextInt(UserHistory.CAPACITY));
            UserHistory abridged = new UserHistory();
            events.forEach(abridged::add);
            skipped += events.size() - abridged.recent().size();
            Diagnosis expected = diagnoser.diagnose("user", "tenant", UserHistory.restore(events));
            Diagnosis actual = diagnoser.diagnose("user", "tenant", abridged);
            assertThat(actual.problems()).as("run %d", run).isEqualTo(expected.problems());
            assertThat(actual.checks()).as("run %d", run).isEqualTo(expected.checks());
            assertThat(actual.status()).isEqualTo(expected.status());
        }
        assertThat(skipped).as("the property was exercised").isGreaterThan(1_000);
    }

    private static List<SignInSummary> randomEvents(Random random, int count) {
        List<SignInSummary> events = new ArrayList<>();
        long minute = 0;
        for (int i = 0; i < count; i++) {
            minute += random.nextInt(8);
            boolean dynamics = random.nextInt(5) == 0;
            boolean success = random.nextInt(3) > 0;
            if (dynamics) {
                events.add(dynamics(minute, ORGS.get(random.nextInt(ORGS.size())), success ? Outcome.SUCCESS : Outcome.FAILURE));
            } else if (random.nextInt(4) == 0) {
                Category routine = INTERRUPTS.get(random.nextInt(INTERRUPTS.size()));
                events.add(summary(minute, APPS.get(random.nextInt(APPS.size())), null, 50140, routine,
                        Outcome.INTERRUPT, false));
            } else if (success) {
                events.add(success(minute, APPS.get(random.nextInt(APPS.size()))));
            } else {
                events.add(failure(minute, APPS.get(random.nextInt(APPS.size())),
                        FAILURES.get(random.nextInt(FAILURES.size()))));
            }
        }
        return events;
    }

    private static SignInSummary success(long minute, String app) {
        return summary(minute, app, null, 0, Category.SUCCESS, Outcome.SUCCESS, false);
    }

    private static SignInSummary failure(long minute, String app, Category category) {
        return summary(minute, app, null, 50000 + category.ordinal(), category, Outcome.FAILURE, false);
    }

    private static SignInSummary dynamics(long minute, String host, Outcome outcome) {
        return outcome == Outcome.SUCCESS
                ? summary(minute, "Dynamics 365", host, 0, Category.SUCCESS, outcome, true)
                : summary(minute, "Dynamics 365", host, 403, Category.MISSING_SECURITY_ROLE, outcome, true);
    }

    private static SignInSummary summary(long minute, String app, String resource, int code, Category category,
                                         Outcome outcome, boolean dynamics) {
        return new SignInSummary(T0.plus(Duration.ofMinutes(minute)), "corr-" + minute, app, resource, "192.0.2.10",
                null, null, null, code, category, outcome, null, dynamics, List.of());
    }
}
