package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.Finding;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A detection over a sliding window of one entity's events. Plain Java: the topology stage keeps
 * each entity's {@link EntityWindow} in a state store, feeds it what {@link #observe} returns and
 * alerts on what {@link #evaluate} finds, with suppression per rule and entity.
 */
public interface WindowedRule {

    RuleTiming timing();

    default String name() {
        return timing().name();
    }

    /** How long windows keep observations: the state's retention, not always the rule's condition span. */
    default Duration window() {
        return timing().window();
    }

    default Duration suppression() {
        return timing().suppression();
    }

    /** Windows longer than this keep only the newest observations; bounds memory per entity. */
    default int cap() {
        return 500;
    }

    /**
     * True for a rule about workload identities (service principals, managed identities): it sees
     * only their sign-ins, and every other rule only users'.
     */
    default boolean workloadIdentities() {
        return false;
    }

    /**
     * What the window keeps of an observation, all of it by default; the rule still evaluates the
     * whole one. Rules that only count the users of a kind keep those as time, kind and user: an
     * office address holds one per user signing in from it, written again at every commit.
     */
    default Observation kept(Observation observation) {
        return observation;
    }

    /**
     * True when the rule counts distinct users for observations of this kind, so only each user's
     * latest needs keeping: an office IP's successes stay one per user, not one per sign-in.
     */
    default boolean latestPerUser(String kind) {
        return false;
    }

    /**
     * For an observation that does not open a window: true when it must join {@code window},
     * false when it can change nothing there (no finding now, none later), which spares a state
     * write. Joining by default.
     */
    default boolean joins(EntityWindow window, Observation observation) {
        return true;
    }

    /**
     * For an observation of a window that exists: false when adding it would only move a time the
     * rule does not need to the minute (the same session, country or network seen moments ago),
     * so the event changes nothing there and, when no other rule changes the entity, costs no
     * state write. A rule that keeps something per user for every user needs this: most of a
     * user's sign-ins repeat what the window already holds. True by default.
     */
    default boolean refreshes(EntityWindow window, Observation observation) {
        return true;
    }

    /**
     * Right after this rule raised an alert for {@code entity} from {@code window}: a second
     * finding (an escalation) that what already arrived completes, looked up in the entity's own
     * record of every rule's windows ({@code entityWindows}, null when none is stored), read and
     * never written. Empty by default.
     */
    default Optional<Finding> followUp(AlertEntity entity, EntityWindow window, EntityWindows entityWindows) {
        return Optional.empty();
    }

    /**
     * What the observations' app slot holds for the alert's evidence: null for the app, else the
     * name of the field a rule keeps there ({@code sessionId}, {@code country}, {@code autonomousSystemNumber}).
     */
    default String evidenceTerm() {
        return null;
    }

    /** The entities this event feeds and what to remember; empty when the rule ignores the event. */
    List<Keyed> observe(ClassifiedEvent event);

    /** Judges {@code entity}'s window right after {@code latest} was added. */
    Optional<Finding> evaluate(AlertEntity entity, EntityWindow window, Observation latest);

    /**
     * A finding over a window's evidence: the window ends at the newest evidence, the incident
     * starts at the oldest, and suppression runs from the newest.
     */
    default Finding finding(String rule, Severity severity, AlertEntity entity, String summary, long count,
                            long threshold, Integer distinctUsers, Integer distinctIps, List<Observation> evidence,
                            boolean escalation) {
        Instant first = Instant.ofEpochMilli(evidence.get(0).timeMs());
        Instant last = Instant.ofEpochMilli(evidence.get(evidence.size() - 1).timeMs());
        return new Finding(rule, severity, entity, summary, last, last.minus(window()), last, first, last, count,
                threshold, distinctUsers, distinctIps, evidence.stream().map(Observation::correlationId)
                .filter(Objects::nonNull).toList(), suppression(), escalation, evidence);
    }

    /**
     * An entity ("user", "ip", "tenant", "user+ip") and the observation for its window.
     * {@code opensWindow} false: the observation only joins a window that already exists (a
     * success matters to a user under attack, not to every user), which keeps state small.
     */
    record Keyed(String entityType, String entityValue, Observation observation, boolean opensWindow) {

        public Keyed(String entityType, String entityValue, Observation observation) {
            this(entityType, entityValue, observation, true);
        }
    }
}
