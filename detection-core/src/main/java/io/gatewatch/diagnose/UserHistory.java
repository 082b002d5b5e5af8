package io.gatewatch.diagnose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One user's most recent sign-ins and Dynamics requests, oldest first, at most {@link #CAPACITY}:
 * enough to tell a current problem from one a later success cleared. Plain Java; the streams
 * app keeps one per tenant and user ({@code UserHistorySerde}), {@code diagnose} builds one from files.
 */
public final class UserHistory {

    public static final int CAPACITY = 30;

    private final List<SignInSummary> recent;

    public UserHistory() {
        this(new ArrayList<>());
    }

    private UserHistory(List<SignInSummary> recent) {
        this.recent = recent;
    }

    public static UserHistory restore(List<SignInSummary> recent) {
        return new UserHistory(new ArrayList<>(recent));
    }

    /** Adds in time order (events arrive nearly in order), dropping the oldest over capacity. */
    public void add(SignInSummary summary) {
        int at = recent.size();
        while (at > 0 && recent.get(at - 1).createdDateTime().isAfter(summary.createdDateTime())) {
            at--;
        }
        recent.add(at, summary);
        if (recent.size() > CAPACITY) {
            recent.remove(0);
        }
    }

    public List<SignInSummary> recent() {
        return Collections.unmodifiableList(recent);
    }

    /** The newest event time held, or {@code Long.MIN_VALUE} when empty. */
    public long lastSeenMs() {
        return recent.isEmpty() ? Long.MIN_VALUE : recent.get(recent.size() - 1).createdDateTime().toEpochMilli();
    }
}
