package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.schema.AlertEvidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which targets of an attack signed in after their last failure, from anywhere: a spray's victims
 * who later succeeded are the accounts to reset first. Read, never written, from what the windows
 * already keep: each targeted user's own windows (the per-user rules keep a user's interactive
 * successes: travel, new country, success-then-failure, sessions) and the attacking entity's window
 * (an address keeps who succeeded from it). Looked up only when an alert is raised or updated: for
 * its evidence, and for a burst's escalation whose success arrived before the burst
 * ({@link #firstBetween}).
 */
final class LaterSuccesses {

    /** The kinds of observation that are a user's successful sign-in. */
    private static final Set<String> SUCCESS_KINDS = Set.of("success", "seen", "session");
    /** Users looked up per alert: bounds the reads an alert costs (a window holds at most 500). */
    static final int MAX_CHECKED = 500;

    private LaterSuccesses() {
    }

    /**
     * @param evidence the finding's observations: the failures, with their users
     * @param attacked the window the finding came from
     * @param userWindows a user's windows by name, or null when none are kept
     */
    static AlertEvidence.SignedInAfterwards of(List<Observation> evidence, EntityWindow attacked,
                                                Function<String, EntityWindows> userWindows) {
        Map<String, Long> lastFailure = new HashMap<>();
        for (Observation o : evidence) {
            if (o.user() != null && !SUCCESS_KINDS.contains(o.kind())) {
                lastFailure.merge(o.user(), o.timeMs(), Math::max);
            }
        }
        List<String> succeeded = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Long> target : lastFailure.entrySet()) {
            if (checked == MAX_CHECKED) {
                break;
            }
            checked++;
            if (succeededAfter(attacked, target.getKey(), target.getValue())
                    || succeededAfter(userWindows.apply(target.getKey()), target.getKey(), target.getValue())) {
                succeeded.add(target.getKey());
            }
        }
        succeeded.sort(null);
        return new AlertEvidence.SignedInAfterwards(checked, succeeded.stream().limit(AlertEvidence.MAX_USERS).toList());
    }

    /**
     * The earliest success of {@code user} from {@code fromMs} to {@code toMs} (both included) that
     * the user's own windows keep, as a success of the user: kinds that keep no name, or a rule's own
     * term in the app slot (a country, a session), lose that slot. Empty when no enabled per-user
     * rule kept one.
     */
    static Optional<Observation> firstBetween(EntityWindows userWindows, String user, long fromMs, long toMs) {
        if (userWindows == null) {
            return Optional.empty();
        }
        Observation first = null;
        for (EntityWindow window : userWindows.byRule().values()) {
            for (Observation o : window.observations()) {
                if (o.timeMs() >= fromMs && o.timeMs() <= toMs && SUCCESS_KINDS.contains(o.kind())
                        && (first == null || o.timeMs() < first.timeMs()
                        || o.timeMs() == first.timeMs() && o.kind().equals("success") && !first.kind().equals("success"))) {
                    first = o;
                }
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        boolean appIsApp = first.kind().equals("success");
        return Optional.of(new Observation(first.timeMs(), "success", user, first.ip(), appIsApp ? first.app() : null,
                first.location(), first.correlationId()));
    }

    private static boolean succeededAfter(EntityWindows windows, String user, long afterMs) {
        if (windows == null) {
            return false;
        }
        for (EntityWindow window : windows.byRule().values()) {
            // a user's own windows may keep no name in their observations: the window is the user's
            if (succeededAfter(window, null, afterMs)) {
                return true;
            }
        }
        return false;
    }

    /** {@code user} null: any success in the window is the user's. */
    private static boolean succeededAfter(EntityWindow window, String user, long afterMs) {
        for (Observation o : window.observations()) {
            if (o.timeMs() > afterMs && SUCCESS_KINDS.contains(o.kind()) && (user == null || user.equals(o.user()))) {
                return true;
            }
        }
        return false;
    }
}
