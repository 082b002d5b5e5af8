package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.Incident;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sliding window one rule keeps for one entity (a user, an IP, a tenant): observations within
 * the rule's window of the newest event time, at most {@code cap} of them (the oldest go first),
 * plus the incident it last alerted on. Plain Java; the streams app stores it in a compact binary
 * format ({@code EntityWindowSerde}).
 */
public final class EntityWindow {

    private final List<Observation> observations;
    private long maxTimeMs;
    private Incident incident;

    public EntityWindow() {
        this(new ArrayList<>(), Long.MIN_VALUE, Incident.NONE);
    }

    private EntityWindow(List<Observation> observations, long maxTimeMs, Incident incident) {
        this.observations = observations;
        this.maxTimeMs = maxTimeMs;
        this.incident = incident;
    }

    /** A window as it was stored. */
    public static EntityWindow restore(List<Observation> observations, long maxTimeMs, Incident incident) {
        return new EntityWindow(new ArrayList<>(observations), maxTimeMs, incident);
    }

    public List<Observation> observations() {
        return Collections.unmodifiableList(observations);
    }

    public long maxTimeMs() {
        return maxTimeMs;
    }

    public Incident incident() {
        return incident;
    }

    void incident(Incident incident) {
        this.incident = incident;
    }

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

    /** Drops the observations of {@code latest}'s kind that {@code same} calls equal to it and that are not newer. */
    void dropEarlier(Observation latest, Function<Observation, String> same) {
        String key = same.apply(latest);
        if (key != null) {
            dropEarlierWhere(latest, (o, newest) -> key.equals(same.apply(o)));
        }
    }

    /**
     * Drops the observations of {@code latest}'s kind that {@code same} holds equal to it and that are
     * not newer: as {@link #dropEarlier(Observation, Function)}, for rules that compare two fields
     * without joining them into one string per observation.
     */
    void dropEarlierWhere(Observation latest, BiPredicate<Observation, Observation> same) {
        observations.removeIf(o -> o != latest && o.kind().equals(latest.kind()) && o.timeMs() <= latest.timeMs()
                && same.test(o, latest));
    }

    /** True when the window holds an observation of {@code kind}: {@link #of} without the list. */
    public boolean has(String kind) {
        for (Observation o : observations) {
            if (o.kind().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    /** Drops the observations of {@code kind} older than {@code beforeMs}: a rule's shorter span within its window. */
    void dropOlder(String kind, long beforeMs) {
        observations.removeIf(o -> o.kind().equals(kind) && o.timeMs() < beforeMs);
    }

    /** The observations of one kind, oldest first; a loop, not a stream: rules ask at every event. */
    public List<Observation> of(String kind) {
        List<Observation> matching = new ArrayList<>(observations.size());
        for (Observation o : observations) {
            if (o.kind().equals(kind)) {
                matching.add(o);
            }
        }
        return Collections.unmodifiableList(matching);
    }

    public Set<String> distinct(List<Observation> from, Function<Observation, String> field) {
        return from.stream().map(field).filter(v -> v != null).collect(Collectors.toSet());
    }

    /** Older than the newest event by more than {@code windowMs}: outside the window (an empty one has no "late"). */
    public boolean isLate(long timeMs, long windowMs) {
        return !observations.isEmpty() && timeMs < maxTimeMs - windowMs;
    }

    /** Nothing seen for {@code idleMs} and no incident still suppressing at {@code nowMs}: safe to forget. */
    public boolean idleAt(long nowMs, long idleMs) {
        return maxTimeMs < nowMs - idleMs && !incident.suppresses(nowMs);
    }
}
