package io.gatewatch.rules.windowed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sliding window one rule keeps for one entity (a user, an IP, a tenant): observations within
 * the rule's window of the newest event time, at most {@code cap} of them (the oldest go first),
 * plus the state of the incident it last alerted on. Plain Java; stored as JSON.
 */
public final class EntityWindow {

    public List<Observation> observations = new ArrayList<>();
    public long maxTimeMs = Long.MIN_VALUE;
    /** Alerts for this entity are suppressed until this event time. */
    public long suppressedUntilMs = Long.MIN_VALUE;
    public String lastAlertId;
    public long lastAlertTimeMs = Long.MIN_VALUE;
    public boolean escalated;

    /** Adds in time order, then drops what fell out of the window or over the cap. */
    public void add(Observation observation, long windowMs, int cap) {
        add(observation, windowMs, cap, false);
    }

    /**
     * As {@link #add(Observation, long, int)}; with {@code latestPerUser}, an earlier observation
     * of the same kind and user is replaced, for rules that count users rather than events.
     */
    public void add(Observation observation, long windowMs, int cap, boolean latestPerUser) {
        if (latestPerUser && observation.user() != null) {
            observations.removeIf(o -> o.kind().equals(observation.kind()) && observation.user().equals(o.user())
                    && o.timeMs() <= observation.timeMs());
        }
        int at = observations.size();
        while (at > 0 && observations.get(at - 1).timeMs() > observation.timeMs()) {
            at--; // events arrive nearly in order: the insertion point is almost always the end
        }
        observations.add(at, observation);
        maxTimeMs = Math.max(maxTimeMs, observation.timeMs());
        long horizon = maxTimeMs - windowMs;
        observations.removeIf(o -> o.timeMs() < horizon);
        while (observations.size() > cap) {
            observations.remove(0);
        }
    }

    public List<Observation> of(String kind) {
        return observations.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    public Set<String> distinct(List<Observation> from, java.util.function.Function<Observation, String> field) {
        return from.stream().map(field).filter(v -> v != null).collect(Collectors.toSet());
    }

    /** Older than the newest event by more than the grace period (an empty window has no "late"). */
    public boolean isLate(long timeMs, long graceMs) {
        return !observations.isEmpty() && timeMs < maxTimeMs - graceMs;
    }

    public boolean suppressedAt(long timeMs) {
        return timeMs < suppressedUntilMs;
    }
}
