package io.gatewatch.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.Category;
import io.gatewatch.schema.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RepeatedSuccessFilterTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final List<Category> FAILURES = List.of(Category.ACCOUNT_LOCKED, Category.PASSWORD_EXPIRED,
            Category.MFA_DENIED, Category.MISSING_SECURITY_ROLE, Category.INVALID_CREDENTIALS,
            Category.EXPECTED_INTERRUPT, Category.MFA_REQUIRED);

    /** Within the history's capacity the filter makes every decision the history makes: in order, out of order, ties. */
    @Test
    void decidesAsTheHistoryDoes() {
        Random random = new Random(11);
        int repeats = 0;
        int outOfOrder = 0;
        for (int run = 0; run < 3_000; run++) {
            List<SignInSummary> events = randomEvents(random, 1 + random.nextInt(UserHistory.CAPACITY), 2, 3);
            UserHistory history = new UserHistory();
            RepeatedSuccessFilter filter = new RepeatedSuccessFilter();
            Instant newest = Instant.MIN;
            for (SignInSummary event : events) {
                boolean kept = history.add(event);
                assertThat(filter.admits(event)).as("run %d, %s", run, event).isEqualTo(kept);
                repeats += kept ? 0 : 1;
                outOfOrder += event.createdDateTime().isBefore(newest) ? 1 : 0;
                newest = event.createdDateTime().isAfter(newest) ? event.createdDateTime() : newest;
            }
        }
        assertThat(repeats).as("repeats met").isGreaterThan(3_000);
        assertThat(outOfOrder).as("out-of-order sign-ins met").isGreaterThan(1_000);
    }

    /** Many apps at once: exact while it tracks them all; saturated, it calls nothing a repeat. */
    @Test
    void withManyAppsAtOnceItStaysExactOrAdmitsEverything() {
        Random random = new Random(5);
        int saturated = 0;
        int repeats = 0;
        for (int run = 0; run < 2_000; run++) {
            UserHistory history = new UserHistory();
            RepeatedSuccessFilter filter = new RepeatedSuccessFilter();
            for (SignInSummary event : randomEvents(random, 1 + random.nextInt(UserHistory.CAPACITY), 24, 12)) {
                boolean kept = history.add(event);
                boolean admitted = filter.admits(event);
                if (filter.saturated()) {
                    assertThat(admitted).isTrue();
                } else {
                    assertThat(admitted).as("run %d, %s", run, event).isEqualTo(kept);
                    repeats += kept ? 0 : 1;
                }
            }
            saturated += filter.saturated() ? 1 : 0;
        }
        assertThat(saturated).as("saturated filters met").isPositive();
        assertThat(repeats).as("repeats told among many apps").isGreaterThan(1_000);
    }

    @Test
    void aRepeatWithinFifteenMinutesOfTheSameApp() {
        RepeatedSuccessFilter filter = new RepeatedSuccessFilter();
        assertThat(filter.admits(success(0, "app-0"))).isTrue();
        assertThat(filter.admits(success(14, "app-0"))).isFalse();
        assertThat(filter.admits(success(14, "app-1"))).as("another app").isTrue();
        assertThat(filter.admits(failure(15, "app-1", Category.ACCOUNT_LOCKED))).isTrue();
        assertThat(filter.admits(success(15, "app-0"))).as("a checklist failure since").isTrue();
    }

    /** {@code count} sign-ins over {@code apps} apps, one in {@code failureOdds} a failure or interrupt. */
    private static List<SignInSummary> randomEvents(Random random, int count, int apps, int failureOdds) {
        List<SignInSummary> events = new ArrayList<>();
        long minute = 0;
        for (int i = 0; i < count; i++) {
            minute += random.nextInt(apps > 2 ? 2 : 6);
            String app = "app-" + random.nextInt(apps);
            if (random.nextInt(6) == 0) {
                events.add(dynamics(minute, "org" + random.nextInt(2) + ".crm4.dynamics.com", random.nextBoolean()));
            } else if (random.nextInt(failureOdds) == 0) {
                events.add(failure(minute, app, FAILURES.get(random.nextInt(FAILURES.size()))));
            } else {
                events.add(success(minute, app));
            }
            for (int late = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 0, at = i; late > 0 && at > 0; late--, at--) {
                Collections.swap(events, at, at - 1); // a sign-in that arrives up to four places late
            }
        }
        return events;
    }

    private static SignInSummary success(long minute, String app) {
        return summary(minute, app, null, 0, Category.SUCCESS, Outcome.SUCCESS, false);
    }

    private static SignInSummary failure(long minute, String app, Category category) {
        Outcome outcome = category == Category.EXPECTED_INTERRUPT || category == Category.MFA_REQUIRED
                ? Outcome.INTERRUPT : Outcome.FAILURE;
        return summary(minute, app, null, 50000 + category.ordinal(), category, outcome, false);
    }

    private static SignInSummary dynamics(long minute, String host, boolean success) {
        return success ? summary(minute, "Dynamics 365", host, 0, Category.SUCCESS, Outcome.SUCCESS, true)
                : summary(minute, "Dynamics 365", host, 403, Category.MISSING_SECURITY_ROLE, Outcome.FAILURE, true);
    }

    private static SignInSummary summary(long minute, String app, String resource, int code, Category category,
                                         Outcome outcome, boolean dynamics) {
        return new SignInSummary(T0.plus(Duration.ofMinutes(minute)), "corr-" + minute, app, resource, "192.0.2.10",
                null, null, null, code, category, outcome, null, dynamics, List.of());
    }
}
