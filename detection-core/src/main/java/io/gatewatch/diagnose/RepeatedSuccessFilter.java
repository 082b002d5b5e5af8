package io.gatewatch.diagnose;

import io.gatewatch.schema.Outcome;
import java.time.Instant;
import java.util.Arrays;

/**
 * One user's digest for telling a repeated success without reading the user's sign-ins: what
 * {@link UserHistory#add} would call a repeat, decided from the newest time, the position of the
 * newest failure of a checklist item, and per app (or Dynamics org) the newest success after it
 * within the last {@link UserHistory#REPEAT_SUCCESS_WINDOW} (an older one can make no repeat).
 * Positions follow the history's order: time, then arrival.
 *
 * <p>Fed the same sign-ins, it decides as {@code UserHistory.add} does while they fit the history's
 * capacity (past it the history may have dropped the success a repeat repeats; the skipped one
 * then clears nothing, there being no checklist failure since). A user with more than
 * {@link #SCOPES} apps in one repeat window saturates it: from then on it admits every sign-in
 * and calls nothing a repeat, which is never wrong, only no longer thrifty.
 */
public final class RepeatedSuccessFilter {

    static final int SCOPES = 16;
    private static final long WINDOW_NANOS = UserHistory.REPEAT_SUCCESS_WINDOW.toNanos();

    private Instant newest;
    private long arrivals;
    private Instant failureTime;
    private long failureArrival = -1;
    /** The newest success per scope, each after the newest checklist failure (kept so by every change). */
    private final Scope[] scopes = new Scope[SCOPES];
    private final Instant[] times = new Instant[SCOPES];
    private final long[] scopeArrivals = new long[SCOPES];
    private int size;
    private boolean saturated;

    /** Whether it has seen more apps in one repeat window than it tracks, and so admits everything. */
    public boolean saturated() {
        return saturated;
    }

    /** False for a success that repeats one held (nothing recorded), else true and the sign-in recorded. */
    public boolean admits(SignInSummary summary) {
        if (saturated) {
            return true;
        }
        Instant time = summary.createdDateTime();
        Scope scope = summary.outcome() == Outcome.SUCCESS ? scope(summary) : null;
        if (scope != null && repeats(scope, time)) {
            return false;
        }
        long arrival = arrivals++;
        newest = newest == null || time.isAfter(newest) ? time : newest;
        if (scope != null) {
            recordSuccess(scope, time, arrival);
        } else if (Check.of(summary.category()) != null && after(time, arrival, failureTime, failureArrival)) {
            failureTime = time;
            failureArrival = arrival;
            forgetScopesBefore(time, arrival);
        }
        return true;
    }

    private boolean repeats(Scope scope, Instant time) {
        if (newest == null || time.isBefore(newest)) {
            return false;
        }
        int at = indexOf(scope);
        return at >= 0 && nanosBetween(times[at], time) < WINDOW_NANOS;
    }

    /** As {@code Duration.between(from, to)} in nanoseconds, without a {@code Duration} per sign-in. */
    private static long nanosBetween(Instant from, Instant to) {
        return (to.getEpochSecond() - from.getEpochSecond()) * 1_000_000_000L + (to.getNano() - from.getNano());
    }

    private void recordSuccess(Scope scope, Instant time, long arrival) {
        if (!after(time, arrival, failureTime, failureArrival)) {
            return; // an earlier success, behind a checklist failure: it can never be the one a repeat repeats
        }
        int at = indexOf(scope);
        if (at < 0) {
            forgetScopesBefore(newest.minus(UserHistory.REPEAT_SUCCESS_WINDOW), Long.MAX_VALUE);
            if (size == SCOPES) {
                saturated = true;
                return;
            }
            at = size++;
            scopes[at] = scope;
        } else if (!after(time, arrival, times[at], scopeArrivals[at])) {
            return;
        }
        times[at] = time;
        scopeArrivals[at] = arrival;
    }

    private void forgetScopesBefore(Instant time, long arrival) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (after(times[i], scopeArrivals[i], time, arrival)) {
                scopes[kept] = scopes[i];
                times[kept] = times[i];
                scopeArrivals[kept++] = scopeArrivals[i];
            }
        }
        Arrays.fill(scopes, kept, size, null);
        Arrays.fill(times, kept, size, null);
        size = kept;
    }

    private int indexOf(Scope scope) {
        for (int i = 0; i < size; i++) {
            if (scopes[i].equals(scope)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether position (time, arrival) lies after position (otherTime, otherArrival); nothing lies before "none". */
    private static boolean after(Instant time, long arrival, Instant otherTime, long otherArrival) {
        if (otherTime == null) {
            return true;
        }
        int byTime = time.compareTo(otherTime);
        return byTime > 0 || byTime == 0 && arrival > otherArrival;
    }

    /** What {@code UserHistory} calls the same scope: the app, or the Dynamics org. */
    private static Scope scope(SignInSummary summary) {
        return new Scope(summary.dynamics(), summary.dynamics() ? summary.org() : summary.appDisplayName());
    }

    private record Scope(boolean dynamics, String name) {
    }
}
