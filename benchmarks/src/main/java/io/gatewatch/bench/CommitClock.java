package io.gatewatch.bench;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;

/**
 * Times a run from the application's first commit of the input to the commit that leaves no lag,
 * and counts only the input committed in between. Both ends are commits, so the timed work is
 * the work committed; a clock started at Kafka Streams' RUNNING would miss what its threads
 * process while the group is still rebalancing (a follow-up rebalance comes after the internal
 * topics are created), and time a late RUNNING too fast.
 */
final class CommitClock {

    /** Input events committed after the clock started, and the seconds until nothing was left. */
    record Timed(long events, double seconds) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private final long inputEvents;
    private long startNanos = -1;
    private long eventsLeftAtStart;
    private Timed timed;

    CommitClock(long inputEvents) {
        this.inputEvents = inputEvents;
    }

    /**
     * One look at the group's offsets: {@code committedInput} summed over the input's partitions,
     * {@code lag} over every topic the run must drain (-1 while one has no commit yet).
     *
     * @return whether the run is over
     */
    boolean observe(long nanos, long committedInput, long lag) {
        if (startNanos < 0 && committedInput > 0) {
            if (committedInput >= inputEvents) {
                throw new IllegalStateException("the input was committed in full before the clock saw a first commit");
            }
            startNanos = nanos;
            eventsLeftAtStart = inputEvents - committedInput;
        } else if (startNanos >= 0 && lag == 0 && timed == null) {
            timed = new Timed(eventsLeftAtStart, (nanos - startNanos) / 1e9);
        }
        return timed != null;
    }

    /** The timed events and seconds once {@link #observe} said the run is over, else null. */
    Timed timed() {
        return timed;
    }

    /** Waits for the run's end, looking at the group's offsets every few milliseconds. */
    static Timed measure(Admin admin, String groupId, String inputTopic, Set<String> mustDrain, long inputEvents,
                         Duration firstCommitWithin) throws Exception {
        CommitClock clock = new CommitClock(inputEvents);
        long deadline = System.nanoTime() + firstCommitWithin.toNanos();
        while (!clock.observe(System.nanoTime(), ConsumerLag.committed(admin, groupId, inputTopic),
                ConsumerLag.of(admin, groupId, mustDrain))) {
            if (clock.startNanos < 0 && System.nanoTime() > deadline) {
                throw new IllegalStateException(groupId + " committed no input within " + firstCommitWithin);
            }
            Thread.sleep(clock.startNanos < 0 ? 10 : 100);
        }
        return clock.timed();
    }
}
