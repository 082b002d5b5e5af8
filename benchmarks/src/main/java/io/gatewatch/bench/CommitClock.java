package io.gatewatch.bench;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;

/**
 * Times a run's steady state by its commits on the pipeline's last stage (the repartition topic):
 * from the commit that passes a tenth of the events to the one that passes nine tenths, counting
 * the events committed in between. Both ends are commits of finished work, so neither the start
 * (group formation, a follow-up rebalance once internal topics exist, cold caches) nor a stage
 * running ahead of the next can make a run look faster or slower than it runs; a clock started
 * at Kafka Streams' RUNNING did both, since threads also process while the group rebalances.
 * Transaction markers take offsets too: one per partition and commit, a thousandth of the events.
 */
final class CommitClock {

    /** Events committed while the clock ran, and the seconds between its two commits. */
    record Timed(long events, double seconds) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    static final double FROM = 0.1;
    static final double TO = 0.9;

    private final long events;
    private long startNanos = -1;
    private long committedAtStart;
    private Timed timed;

    CommitClock(long events) {
        this.events = events;
    }

    /**
     * One look at the last stage's committed offsets, summed over its partitions.
     *
     * @return whether the clock has stopped
     */
    boolean observe(long nanos, long committed) {
        if (startNanos < 0 && committed >= FROM * events) {
            if (committed >= TO * events) {
                throw new IllegalStateException("the run passed both marks between two looks: too few events to time");
            }
            startNanos = nanos;
            committedAtStart = committed;
        } else if (startNanos >= 0 && timed == null && committed >= TO * events) {
            timed = new Timed(committed - committedAtStart, (nanos - startNanos) / 1e9);
        }
        return timed != null;
    }

    /** The events and seconds timed once {@link #observe} said the clock stopped, else null. */
    Timed timed() {
        return timed;
    }

    /** Waits until the group's commits on {@code lastStage} pass {@code events} (a warm-up: nothing timed). */
    static void awaitCommitted(Admin admin, String groupId, String lastStage, long events, Duration within)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (ConsumerLag.committed(admin, groupId, lastStage) < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(groupId + " did not commit " + events + " events within " + within);
            }
            Thread.sleep(100);
        }
    }

    /** Times the run, then waits until the group has no lag left on {@code mustDrain}. */
    static Timed measure(Admin admin, String groupId, String lastStage, Set<String> mustDrain, long events,
                         Duration within) throws Exception {
        CommitClock clock = new CommitClock(events);
        long deadline = System.nanoTime() + within.toNanos();
        while (!clock.observe(System.nanoTime(), ConsumerLag.committed(admin, groupId, lastStage))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(groupId + " did not commit " + TO + " of the events within " + within);
            }
            Thread.sleep(50);
        }
        while (ConsumerLag.of(admin, groupId, mustDrain) != 0) {
            Thread.sleep(100);
        }
        return clock.timed();
    }
}
