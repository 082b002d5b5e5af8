package io.gatewatch.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class DistinctCounterTest {

    /**
     * docs/detections.md#bounded-state promises exact counts up to 64 distinct users per category:
     * the number is written here, not read from the code.
     */
    @Test
    void exactUpToSixtyFourThenEstimated() {
        DistinctCounter counter = new DistinctCounter();
        for (int i = 0; i < 64; i++) {
            counter.add("u" + i);
            counter.add("u" + i);
        }
        assertThat(counter.count()).isEqualTo(64);
        assertThat(counter.estimated()).isFalse();
        counter.add("u64");
        assertThat(counter.estimated()).isTrue();
    }

    @Test
    void estimatedWithinAFewPercentWhenLarge() {
        for (int n : new int[] {65, 200, 1_000, 20_000, 200_000}) {
            DistinctCounter counter = new DistinctCounter();
            for (int i = 0; i < n; i++) {
                counter.add("user" + i + "@contoso.com");
            }
            assertThat((double) counter.count()).as("n=%d", n).isCloseTo(n, Percentage.withPercentage(10));
        }
    }

    @Test
    void mergingCountsTheUnionExactlyThenEstimated() {
        DistinctCounter a = new DistinctCounter();
        DistinctCounter b = new DistinctCounter();
        for (int i = 0; i < 30; i++) {
            a.add("user" + i);
            b.add("user" + (i + 20));
        }
        a.merge(b);
        assertThat(a.count()).as("30 + 30 with 10 shared").isEqualTo(50);
        assertThat(a.estimated()).isFalse();

        DistinctCounter big = new DistinctCounter();
        for (int i = 0; i < 5_000; i++) {
            big.add("user" + i);
        }
        a.merge(big);
        assertThat(a.estimated()).isTrue();
        assertThat((double) a.count()).isCloseTo(5_000, Percentage.withPercentage(10));
    }
}
