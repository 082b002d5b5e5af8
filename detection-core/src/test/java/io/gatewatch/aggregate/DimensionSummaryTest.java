package io.gatewatch.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The heavy-hitter summary's documented bounds on a skewed generated stream (Zipf-distributed
 * failures over thousands of users, as a spray against a few accounts in a crowd would be), for one
 * window and for sixty windows merged as minutes roll up into an hour; and exact counts while a
 * window has no more values than the capacity.
 */
class DimensionSummaryTest {

    private static final int CAPACITY = 32;
    private static final int USERS = 5_000;
    private static final int FAILURES = 200_000;

    @Test
    void countsAreExactWhileTheValuesFitTheCapacity() {
        DimensionSummary summary = new DimensionSummary(CAPACITY, false);
        Map<String, long[]> truth = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            String value = "v" + random.nextInt(CAPACITY);
            boolean failure = random.nextInt(4) == 0;
            summary.add(value, failure, failure ? 1 + random.nextInt(5) : 0);
            long[] t = truth.computeIfAbsent(value, v -> new long[2]);
            t[0]++;
            t[1] += failure ? 1 : 0;
        }
        assertThat(summary.exact()).isTrue();
        assertThat(summary.rows()).hasSize(truth.size());
        for (BreakdownRow row : summary.rows()) {
            assertThat(new long[] {row.signIns(), row.failures()}).as(row.value()).containsExactly(truth.get(row.value()));
            assertThat(row.error()).isZero();
        }
    }

    @Test
    void oneSkewedWindowListsEveryHeavyHitterWithinTheDocumentedError() {
        Random random = new Random(42);
        DimensionSummary summary = new DimensionSummary(CAPACITY, true);
        Map<String, Long> truth = new HashMap<>();
        for (String user : skewedFailures(random, FAILURES)) {
            summary.add(user, true, DistinctCounter.hash(user));
            truth.merge(user, 1L, Long::sum);
        }
        assertThat(summary.floor()).as("floor <= F / k").isPositive().isLessThanOrEqualTo(FAILURES / CAPACITY);
        assertBounds(summary, truth);
    }

    @Test
    void theWeightKeptAsRowsComeAndGoIsTheWeightOfTheRowsHeld() {
        Random random = new Random(44);
        DimensionSummary summary = new DimensionSummary(CAPACITY, false);
        for (String user : skewedFailures(random, 20_000)) { // past the capacity: rows replaced
            boolean failure = random.nextBoolean();
            summary.add(user, failure, failure && random.nextBoolean() ? DistinctCounter.hash(user) : 0);
        }
        assertThat(summary.weight()).isEqualTo(weighedRowByRow(summary));
        DimensionSummary merged = summary.copy();
        merged.merge(summary);
        assertThat(merged.weight()).isEqualTo(weighedRowByRow(merged)).isEqualTo(summary.weight());
    }

    private static long weighedRowByRow(DimensionSummary summary) {
        long bytes = 64;
        for (BreakdownRow row : summary.rows()) {
            bytes += 120 + 2L * row.value().length() + (row.users() == null ? 0 : 80);
        }
        return bytes;
    }

    @Test
    void sixtyMergedWindowsKeepTheBounds() {
        Random random = new Random(43);
        DimensionSummary hour = new DimensionSummary(CAPACITY, true);
        Map<String, Long> truth = new HashMap<>();
        for (int minute = 0; minute < 60; minute++) {
            DimensionSummary window = new DimensionSummary(CAPACITY, true);
            for (String user : skewedFailures(random, FAILURES / 60)) {
                window.add(user, true, DistinctCounter.hash(user));
                truth.merge(user, 1L, Long::sum);
            }
            hour.merge(window);
        }
        long failures = truth.values().stream().mapToLong(Long::longValue).sum();
        assertThat(hour.floor()).as("merged floor <= 2F / k").isLessThanOrEqualTo(2 * failures / CAPACITY);
        assertBounds(hour, truth);
    }

    /** Each row within its error, no value left out above the floor, and the true top ten all listed. */
    private static void assertBounds(DimensionSummary summary, Map<String, Long> truth) {
        Map<String, BreakdownRow> rows = new HashMap<>();
        summary.rows().forEach(row -> rows.put(row.value(), row));
        assertThat(rows).hasSize(CAPACITY);
        for (BreakdownRow row : rows.values()) {
            long actual = truth.getOrDefault(row.value(), 0L);
            assertThat(actual).as(row.value()).isBetween(row.failures() - row.error(), row.failures());
        }
        truth.forEach((user, count) -> {
            if (!rows.containsKey(user)) {
                assertThat(count).as("left out: " + user).isLessThanOrEqualTo(summary.floor());
            }
        });
        List<Map.Entry<String, Long>> byCount = new ArrayList<>(truth.entrySet());
        byCount.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> top : byCount.subList(0, 10)) {
            assertThat(rows).as("a top-ten value").containsKey(top.getKey());
        }
        BreakdownRow first = rows.values().stream().max((a, b) -> Long.compare(a.failures(), b.failures())).orElseThrow();
        assertThat(first.value()).as("the heaviest listed first").isEqualTo(byCount.get(0).getKey());
        assertThat(first.distinctUsers()).isEqualTo(1);
    }

    /** Users drawn with probability proportional to 1 / rank^1.1 (Zipf). */
    private static List<String> skewedFailures(Random random, int count) {
        double[] cumulative = new double[USERS];
        double sum = 0;
        for (int rank = 0; rank < USERS; rank++) {
            sum += 1 / Math.pow(rank + 1, 1.1);
            cumulative[rank] = sum;
        }
        List<String> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            users.add("user" + (at < 0 ? -at - 1 : at) + "@contoso.com");
        }
        return users;
    }
}
