package io.gatewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CommitClockTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void timesFromTheFirstCommitOfTheInputAndCountsOnlyWhatWasLeftThen() {
        CommitClock clock = new CommitClock(1_000);

        assertThat(clock.observe(0, 0, -1)).as("nothing committed yet: the group may still be rebalancing").isFalse();
        assertThat(clock.observe(2 * SECOND, 0, -1)).isFalse();
        assertThat(clock.observe(3 * SECOND, 200, -1)).as("the clock starts here, 800 events left").isFalse();
        assertThat(clock.observe(4 * SECOND, 600, 400)).isFalse();
        assertThat(clock.observe(7 * SECOND, 1_000, 0)).as("no lag on any drained topic: over").isTrue();

        CommitClock.Timed timed = timedOf(clock, 7 * SECOND);
        assertThat(timed.events()).isEqualTo(800);
        assertThat(timed.seconds()).isCloseTo(4.0, within(1e-9));
        assertThat(timed.eventsPerSecond()).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void aLagOfZeroBeforeTheFirstCommitOfTheInputDoesNotEndTheRun() {
        CommitClock clock = new CommitClock(1_000);

        assertThat(clock.observe(SECOND, 0, 0)).isFalse();
        assertThat(clock.observe(2 * SECOND, 500, 500)).isFalse();
        assertThat(clock.observe(3 * SECOND, 1_000, 0)).isTrue();
        assertThat(timedOf(clock, 3 * SECOND).events()).isEqualTo(500);
    }

    @Test
    void anInputCommittedInFullBeforeTheClockLookedCannotBeTimed() {
        CommitClock clock = new CommitClock(1_000);

        assertThatThrownBy(() -> clock.observe(SECOND, 1_000, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the clock saw a first commit");
    }

    /** The result of a finished clock: a further look changes nothing. */
    private static CommitClock.Timed timedOf(CommitClock clock, long nanos) {
        assertThat(clock.observe(nanos + SECOND, 1_000, 0)).isTrue();
        return clock.timed();
    }
}
