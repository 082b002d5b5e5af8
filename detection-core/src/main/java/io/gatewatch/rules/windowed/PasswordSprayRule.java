package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.Finding;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PASSWORD_SPRAY (source IP): at least {@code threshold} distinct users failing with
 * 50126/50053/50055 from one IP within the window who have not signed in from it since, and more
 * failing than succeeding users from it (Sentinel SigninPasswordSpray: 5 users in 20 min). The
 * last two conditions keep a busy NAT or proxy, where many users sign in fine and those who
 * mistype get it right a minute later, from looking like a spray.
 */
public final class PasswordSprayRule implements WindowedRule {

    static final String NAME = "PASSWORD_SPRAY";

    private final Severity severity;
    private final long threshold;
    private final RuleTiming timing;

    public PasswordSprayRule(RuleSettings settings) {
        severity = settings.severity(NAME, Severity.HIGH);
        threshold = settings.number(NAME, "threshold");
        timing = RuleTiming.of(settings, NAME);
    }

    @Override
    public RuleTiming timing() {
        return timing;
    }

    /** Successes only count as distinct users (the NAT guard), so one per user is enough. */
    @Override
    public boolean latestPerUser(String kind) {
        return kind.equals("success");
    }

    @Override
    public Observation kept(Observation observation) {
        return Observations.successKept(observation);
    }

    @Override
    public List<Keyed> observe(ClassifiedEvent event) {
        return Observations.atAddress(event, WindowedRules.SPRAY_CODES.contains(event.classification().errorCode()), "fail");
    }

    @Override
    public Optional<Finding> evaluate(AlertEntity entity, EntityWindow state, Observation latest) {
        if (!latest.kind().equals("fail")) {
            return Optional.empty();
        }
        List<Observation> failures = state.of("fail");
        Set<String> failing = state.distinct(failures, Observation::user);
        Set<String> succeeding = state.distinct(state.of("success"), Observation::user);
        Set<String> sprayed = uncorrected(state);
        if (sprayed.size() < threshold || failing.size() <= succeeding.size()) {
            return Optional.empty();
        }
        return Optional.of(finding(NAME, severity, entity, sprayed.size() + " users failed to sign in from "
                + latest.ip() + " within " + timing.window().toMinutes() + " min and have not signed in from it since ("
                + succeeding.size() + " succeeded): password spray.", failures.size(), threshold, sprayed.size(), 1,
                failures, false));
    }

    /**
     * Users who failed from the address and have not signed in from it since: a typo is corrected
     * within a minute, a sprayed account stays failed (the attacker does not know its password).
     */
    static Set<String> uncorrected(EntityWindow window) {
        Map<String, Long> lastFailure = new HashMap<>();
        for (Observation failure : window.of("fail")) {
            lastFailure.merge(failure.user(), failure.timeMs(), Math::max);
        }
        for (Observation success : window.of("success")) {
            Long failed = lastFailure.get(success.user());
            if (failed != null && success.timeMs() > failed) {
                lastFailure.remove(success.user());
            }
        }
        return lastFailure.keySet();
    }
}
