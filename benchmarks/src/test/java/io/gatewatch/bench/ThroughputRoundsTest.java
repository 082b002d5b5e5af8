package io.gatewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThroughputRoundsTest {

    @Test
    void ratesAreTheRoundsMeansAndTheRatioTheRatioOfTheMeans() {
        ThroughputRounds rounds = new ThroughputRounds();
        rounds.add(run(40_000), run(20_000));
        rounds.add(run(50_000), run(16_000));
        rounds.add(run(36_000), run(18_000));

        assertThat(rounds.referenceMean()).isCloseTo(42_000, within(0.01));
        assertThat(rounds.gatewatchMean()).isCloseTo(18_000, within(0.01));
        assertThat(rounds.ratioOfMeans()).as("not the mean of the ratios (0.4400)").isCloseTo(18.0 / 42, within(1e-9));
        assertThat(rounds.referenceSpread()).isCloseTo(14_000, within(0.01));
        assertThat(rounds.gatewatchSpread()).isCloseTo(4_000, within(0.01));
        assertThat(rounds.last().gatewatch().eventsPerSecond()).isCloseTo(18_000, within(0.01));
        assertThat(rounds.describe()).isEqualTo("40,000 / 20,000 (0.500); 50,000 / 16,000 (0.320); 36,000 / 18,000 (0.500)");
    }

    /** A run of {@code rate} events in one second. */
    private static ThroughputRun.Result run(long rate) {
        return new ThroughputRun.Result(rate, rate, 1.0, Map.of(), Map.of(), Map.of(), Map.of());
    }
}
