package io.gatewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CommitClockTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void timesTheCommitsBetweenATenthAndNineTenthsOfTheEvents() {
        CommitClock clock = new CommitClock(1_000);

        assertThat(clock.observe(0, 0)).as("nothing committed yet: the group may still be rebalancing").isFalse();
        assertThat(clock.observe(2 * SECOND, 50)).isFalse();
        assertThat(clock.observe(3 * SECOND, 120)).as("the clock starts at the first look past a tenth").isFalse();
        assertThat(clock.observe(4 * SECOND, 600)).isFalse();
        assertThat(clock.observe(7 * SECOND, 920)).as("past nine tenths: stopped").isTrue();
        assertThat(clock.observe(9 * SECOND, 1_000)).as("a later look changes nothing").isTrue();

        CommitClock.Timed timed = clock.timed();
        assertThat(timed.events()).as("what was committed between the two looks").isEqualTo(800);
        assertThat(timed.seconds()).isCloseTo(4.0, within(1e-9));
        assertThat(timed.eventsPerSecond()).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void theClockIsStillRunningBeforeNineTenths() {
        CommitClock clock = new CommitClock(1_000);

        assertThat(clock.observe(SECOND, 100)).isFalse();
        assertThat(clock.observe(2 * SECOND, 899)).isFalse();
        assertThat(clock.timed()).isNull();
    }

    @Test
    void aRunThatPassesBothMarksBetweenTwoLooksCannotBeTimed() {
        CommitClock clock = new CommitClock(1_000);

        assertThatThrownBy(() -> clock.observe(SECOND, 950)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too few events");
    }
}
