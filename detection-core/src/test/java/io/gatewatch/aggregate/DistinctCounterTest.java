package io.gatewatch.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class DistinctCounterTest {

    @Test
    void exactWhileSmall() {
        DistinctCounter counter = new DistinctCounter();
        for (int i = 0; i < DistinctCounter.EXACT_LIMIT; i++) {
            counter.add("u" + i);
            counter.add("u" + i);
        }
        assertThat(counter.count()).isEqualTo(DistinctCounter.EXACT_LIMIT);
        assertThat(counter.estimated()).isFalse();
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
}
