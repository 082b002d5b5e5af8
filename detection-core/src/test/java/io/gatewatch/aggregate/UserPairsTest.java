package io.gatewatch.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.AppliedPolicy;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.GeoLocation;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pairs of a value and a failing user behind the dashboard's drill-down (an app's failing
 * users): exact against an independent count while a window has few pairs; on a skewed stream of
 * many, rolled up from minutes like an hour, every listed pair within its error and every pair
 * with more failures than the floor listed; successes make no pair.
 */
class UserPairsTest {

    @Test
    void aFewPairsAreCountedExactlyAndSuccessesMakeNone() {
        TenantWindowCounts window = new TenantWindowCounts();
        Map<String, Long> truth = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            String app = "App " + i % 3;
            String user = "User" + i % 7 + "@Contoso.com";
            boolean failure = i % 4 != 0;
            window.add(signIn(app, user, "FR", failure ? 50126 : 0));
            if (failure) {
                truth.merge(app + Dimension.PAIR_SEPARATOR + user.toLowerCase(), 1L, Long::sum);
            }
        }
        DimensionSummary pairs = window.breakdowns().of(Dimension.APP_USER);
        Map<String, Long> counted = new HashMap<>();
        pairs.rows().forEach(row -> counted.put(row.value(), row.failures()));
        assertThat(counted).isEqualTo(truth);
        assertThat(pairs.rows()).allSatisfy(row -> assertThat(row.signIns()).isEqualTo(row.failures()));
        assertThat(pairs.exact()).isTrue();
        assertThat(window.breakdowns().of(Dimension.COUNTRY_USER).rows()).hasSize(7);
        assertThat(window.breakdowns().of(Dimension.CA_POLICY_USER).rows()).as("policy p failed every failure")
                .hasSize(7);
    }

    @Test
    void manyPairsRolledUpKeepEveryHeavyPairWithinItsError() {
        Random random = new Random(26);
        Map<String, Long> truth = new HashMap<>();
        TenantWindowCounts hour = new TenantWindowCounts();
        long failures = 0;
        for (int minute = 0; minute < 60; minute++) {
            TenantWindowCounts window = new TenantWindowCounts();
            for (int i = 0; i < 500; i++) {
                // Zipf-like: user u with weight 1/(u+1) over 2,000 users, each failing on its own one of 10 apps
                int user = (int) Math.floor(Math.pow(2_001, random.nextDouble())) - 1;
                String app = "App " + user % 10;
                window.add(signIn(app, "u" + user + "@contoso.com", "DE", 50053));
                truth.merge(app + Dimension.PAIR_SEPARATOR + "u" + user + "@contoso.com", 1L, Long::sum);
                failures++;
            }
            hour.merge(window);
        }
        DimensionSummary pairs = hour.breakdowns().of(Dimension.APP_USER);
        int k = Dimension.APP_USER.capacity();
        assertThat(pairs.rows()).hasSize(k);
        assertThat(pairs.exact()).isFalse();
        assertThat(pairs.floor()).as("merged floor below 2F/k").isLessThan(2 * failures / k);
        Map<String, BreakdownRow> listed = new HashMap<>();
        pairs.rows().forEach(row -> listed.put(row.value(), row));
        for (BreakdownRow row : pairs.rows()) {
            long real = truth.getOrDefault(row.value(), 0L);
            assertThat(real).as(row.value()).isBetween(row.failures() - row.error(), row.failures());
        }
        truth.forEach((pair, real) -> {
            if (real > pairs.floor()) {
                assertThat(listed).as(pair + " with " + real + " failures").containsKey(pair);
            }
        });
        assertThat(truth.values().stream().filter(n -> n > pairs.floor()).count())
                .as("the stream has heavy pairs to find").isGreaterThan(2);
    }

    private static ClassifiedEvent signIn(String app, String user, String country, int code) {
        boolean failure = code != 0;
        SignInEvent event = new SignInEvent("id" + System.nanoTime(), Instant.EPOCH, "t1", "graph", "SignInLogs",
                user, null, null, null, "app-id", app, "resource", "Resource", "203.0.113.9", "Browser", "c1", true,
                code, null, null, null, null, null, null, null, null, new GeoLocation("City", null, country, null, null),
                null, null, List.of(), failure ? List.of(new AppliedPolicy("p", "Policy p", "failure")) : List.of(),
                null, null, null);
        return new ClassifiedEvent(event, new Classification(failure ? Outcome.FAILURE : Outcome.SUCCESS,
                failure ? Category.INVALID_CREDENTIALS : Category.SUCCESS, Severity.LOW, false, code, null, List.of(),
                null, false));
    }
}
