package io.gatewatch.diagnose;

import io.gatewatch.schema.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One user's most recent sign-ins and Dynamics requests, oldest first, at most {@link #CAPACITY}:
 * enough to tell a current problem from one a later success cleared. Plain Java; the streams
 * app rebuilds one from a user's stored sign-ins ({@code HistoryStage}), {@code diagnose} builds one from files.
 *
 * <p>A success that repeats one already held — same app (or Dynamics org), within
 * {@link #REPEAT_SUCCESS_WINDOW} of it, with no failure of a checklist item since (interrupts
 * such as "keep me signed in" are no failure of one) — is not kept: it can
 * clear no problem its predecessor has not cleared, and skipping it spares the streams app a
 * state write for most sign-ins of a healthy user ({@link RepeatedSuccessFilter} tells the same
 * without the history at hand). Successes are therefore shown to 15 minutes.
 */
public final class UserHistory {

    public static final int CAPACITY = 30;
    public static final Duration REPEAT_SUCCESS_WINDOW = Duration.ofMinutes(15);

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

    /**
     * Adds in time order (events arrive nearly in order), dropping the oldest over capacity;
     * false (and nothing changed) for a repeated success.
     */
    public boolean add(SignInSummary summary) {
        if (repeatsHeldSuccess(summary)) {
            return false;
        }
        int at = recent.size();
        while (at > 0 && recent.get(at - 1).createdDateTime().isAfter(summary.createdDateTime())) {
            at--;
        }
        recent.add(at, summary);
        if (recent.size() > CAPACITY) {
            recent.remove(0);
        }
        return true;
    }

    private boolean repeatsHeldSuccess(SignInSummary summary) {
        if (summary.outcome() != Outcome.SUCCESS || recent.isEmpty()
                || summary.createdDateTime().isBefore(recent.get(recent.size() - 1).createdDateTime())) {
            return false;
        }
        for (int i = recent.size() - 1; i >= 0; i--) {
            SignInSummary held = recent.get(i);
            if (held.outcome() != Outcome.SUCCESS && Check.of(held.category()) != null) {
                return false; // a failure the new success might clear
            }
            if (held.outcome() == Outcome.SUCCESS && sameScope(held, summary)) {
                return Duration.between(held.createdDateTime(), summary.createdDateTime())
                        .compareTo(REPEAT_SUCCESS_WINDOW) < 0;
            }
        }
        return false;
    }

    private static boolean sameScope(SignInSummary a, SignInSummary b) {
        return a.dynamics() == b.dynamics()
                && Objects.equals(a.dynamics() ? a.org() : a.appDisplayName(), b.dynamics() ? b.org() : b.appDisplayName());
    }

    public List<SignInSummary> recent() {
        return Collections.unmodifiableList(recent);
    }

    /** The newest event time held, or {@code Long.MIN_VALUE} when empty. */
    public long lastSeenMs() {
        return recent.isEmpty() ? Long.MIN_VALUE : recent.get(recent.size() - 1).createdDateTime().toEpochMilli();
    }
}
