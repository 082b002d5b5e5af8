package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.Finding;
import io.gatewatch.rules.Incident;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A burst of one kind of failure against one user, escalated when the user then signs in: the
 * shape of BRUTE_FORCE (wrong passwords, then a success: the password was guessed) and
 * MFA_FATIGUE (denied prompts, then a success: the user gave in). The success is a new, critical
 * alert that references the first.
 *
 * <p>The order the events arrive in does not matter within the windows, with one limit. A success
 * that arrives after the alert joins the open incident and escalates it. A success that arrives
 * first (later in event time: a backlog whose partitions are read at different speeds, the user's
 * events not keyed alike) cannot wait here, since a success never opens a window — every user's
 * every success would cost a state write. When the burst's alert is raised, the user's own record
 * is read instead ({@link #followUp}): the other per-user rules keep the user's interactive
 * successes (impossible travel, new country, success then failure, session replay). So a success
 * seen before its burst escalates only when one of those rules is enabled and kept it; a success
 * before the alert's time (signed in, then someone hammered the account) never does.
 */
public final class BurstThenSuccessRule implements WindowedRule {

    /**
     * @param burst             what one failure of the burst is
     * @param exceed            true when the condition is "more than threshold" (Sentinel's MFASpamming), false for "at least"
     * @param summary           the alert's sentence: {count}, {user}, {minutes} (the window), {ips}
     * @param escalationSummary the escalation's sentence: {user}
     */
    public record Spec(String name, String escalationName, Predicate<ClassifiedEvent> burst, boolean exceed,
                       Severity severity, Severity escalationSeverity, String summary, String escalationSummary) {
    }

    private final Spec spec;
    private final long minimum;
    private final Duration window;
    private final Duration successWindow;
    private final RuleTiming timing;

    public BurstThenSuccessRule(Spec spec, RuleSettings settings) {
        this.spec = spec;
        long threshold = settings.number(spec.name(), "threshold");
        this.minimum = spec.exceed() ? threshold + 1 : threshold;
        RuleTiming burst = RuleTiming.of(settings, spec.name());
        this.window = burst.window();
        this.successWindow = settings.period(spec.name(), "success-window");
        // windows keep observations for the burst or the success that follows it, whichever is longer
        this.timing = new RuleTiming(spec.name(), window.compareTo(successWindow) > 0 ? window : successWindow,
                burst.suppression());
    }

    @Override
    public RuleTiming timing() {
        return timing;
    }

    @Override
    public List<Keyed> observe(ClassifiedEvent event) {
        String user = Observations.user(event.event());
        if (user == null) {
            return List.of();
        }
        if (spec.burst().test(event)) {
            return List.of(new Keyed("user", user, Observations.of(event, "burst")));
        }
        // a success only matters to a user already under attack: it never opens a window
        return event.classification().category() == Category.SUCCESS ? List.of(new Keyed("user", user, Observations.of(event, "success"), false))
                : List.of();
    }

    /**
     * A success matters only right after an alert it can escalate; any other success would add
     * nothing but a state write (bursts are counted from burst observations alone).
     */
    @Override
    public boolean joins(EntityWindow window, Observation success) {
        return escalates(window.incident(), success);
    }

    @Override
    public Optional<Finding> evaluate(AlertEntity entity, EntityWindow state, Observation latest) {
        if (latest.kind().equals("success")) {
            return escalates(state.incident(), latest) ? Optional.of(escalation(entity, latest)) : Optional.empty();
        }
        List<Observation> burst = busiestSpanWith(state.of("burst"), latest.timeMs());
        if (burst.size() < minimum) {
            return Optional.empty();
        }
        int ips = state.distinct(burst, Observation::ip).size();
        String summary = spec.summary().replace("{count}", String.valueOf(burst.size())).replace("{user}", latest.user())
                .replace("{minutes}", String.valueOf(window.toMinutes())).replace("{ips}", String.valueOf(ips));
        return Optional.of(finding(spec.name(), spec.severity(), entity, summary, burst.size(), minimum, 1, ips, burst,
                false));
    }

    /**
     * The escalation of the alert just raised when the user's success arrived before the burst: the
     * earliest success within the success window after the alert that the user's windows keep.
     */
    @Override
    public Optional<Finding> followUp(AlertEntity entity, EntityWindow window, EntityWindows user) {
        Incident incident = window.incident();
        if (spec.escalationName() == null || incident.alertId() == null || incident.escalated()) {
            return Optional.empty();
        }
        return LaterSuccesses.firstBetween(user, entity.value(), incident.alertTimeMs(),
                incident.alertTimeMs() + successWindow.toMillis()).map(success -> escalation(entity, success));
    }

    private Finding escalation(AlertEntity entity, Observation success) {
        return finding(spec.escalationName(), spec.escalationSeverity(), entity,
                spec.escalationSummary().replace("{user}", success.user()), 1, 1, 1, 1, List.of(success), true);
    }

    /**
     * The most observations in one window-long span that contains {@code latestMs}. In order, that
     * is simply the last window; a late observation can also complete a span that ends after it.
     */
    private List<Observation> busiestSpanWith(List<Observation> bursts, long latestMs) {
        long windowMs = window.toMillis();
        List<Observation> best = List.of();
        int end = 0;
        for (int start = 0; start < bursts.size(); start++) {
            long from = bursts.get(start).timeMs();
            if (from <= latestMs - windowMs) {
                continue;
            }
            if (from > latestMs) {
                break;
            }
            end = Math.max(end, start);
            while (end < bursts.size() && bursts.get(end).timeMs() < from + windowMs) {
                end++;
            }
            if (end - start > best.size()) {
                best = bursts.subList(start, end);
            }
        }
        return best;
    }

    private boolean escalates(Incident incident, Observation success) {
        return spec.escalationName() != null && incident.alertId() != null && !incident.escalated() && success.timeMs() >= incident.alertTimeMs()
                && success.timeMs() - incident.alertTimeMs() <= successWindow.toMillis();
    }
}
