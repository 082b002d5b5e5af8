package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.Finding;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SUCCESS_THEN_FAILURE_OTHER_NETWORK (user): a user's success on an app, then within the window a
 * wrong password for the same user and app from another network — another /16, or for IPv6
 * other first two hextets (Sentinel's SuccessThenFail_DiffIP_SameUserandApp: the account works
 * for its owner while someone elsewhere guesses at it). Only credential failures count: a phone
 * on its carrier failing a token refresh or an MFA interrupt is no guess. Nor is a failure from
 * a network the user signed in from successfully within the window (a day): the laptop at home
 * mistyping minutes after the phone refreshed Teams on its carrier is the user, not an attacker —
 * an attacker's network is one the user never succeeded from. The success must precede the failure
 * by at most {@code within} (10 min). The window lives with the user's other windows (one state
 * write per event, however many rules watch the user) and keeps the latest success per app and
 * network, the app in each observation's app slot.
 */
final class SuccessThenFailureRule implements WindowedRule {

    static final String NAME = "SUCCESS_THEN_FAILURE_OTHER_NETWORK";
    private static final String SUCCESS = "success";
    private static final String FAIL = "fail";
    /** A network the user signed in from within the window: its /16 in the address slot. */
    private static final String KNOWN = "known";
    private static final long REFRESH_MS = 2 * 60_000;

    private final Severity severity;
    private final RuleTiming timing;
    private final long withinMs;

    SuccessThenFailureRule(RuleSettings settings) {
        this.severity = settings.severity(NAME, Severity.MEDIUM);
        this.timing = RuleTiming.of(settings, NAME);
        this.withinMs = settings.period(NAME, "within").toMillis();
    }

    @Override
    public RuleTiming timing() {
        return timing;
    }

    /** A user's apps times networks in a day: a few dozen at most. */
    @Override
    public int cap() {
        return 32;
    }

    @Override
    public List<Keyed> observe(ClassifiedEvent event) {
        if (!(event.event() instanceof SignInEvent signIn) || signIn.ipAddress() == null || Observations.user(signIn) == null) {
            return List.of();
        }
        Outcome outcome = event.classification().outcome();
        boolean guess = outcome == Outcome.FAILURE && WindowedRules.SPRAY_CODES.contains(event.classification().errorCode());
        if (outcome != Outcome.SUCCESS && !guess) {
            return List.of();
        }
        // only a success opens the window: a user's failures with no success before them keep no state here.
        // What is kept is small (time, address, app, correlation id): every user keeps it for a day
        Observation seen = Observations.of(event, guess ? FAIL : SUCCESS);
        return List.of(new Keyed("user", Observations.user(signIn), new Observation(seen.timeMs(), seen.kind(), seen.user(),
                seen.ip(), seen.app(), null, seen.correlationId()), !guess));
    }

    /** A success on the same app and network as one kept from the last 2 minutes adds nothing. */
    @Override
    public boolean refreshes(EntityWindow window, Observation seen) {
        if (!seen.kind().equals(SUCCESS)) {
            return true;
        }
        // every success of every user asks this: no list, no lower-cased copy of an address
        for (Observation kept : window.observations()) {
            if (kept.kind().equals(SUCCESS) && Math.abs(seen.timeMs() - kept.timeMs()) < REFRESH_MS
                    && Objects.equals(kept.app(), seen.app()) && Networks.same(kept.ip(), seen.ip())) {
                return false;
            }
        }
        return true;
    }

    /** A success is kept without its user (the window's entity); a failure is judged, never kept. */
    @Override
    public Observation kept(Observation observation) {
        return new Observation(observation.timeMs(), observation.kind(), null, observation.ip(), observation.app(), null,
                null);
    }

    @Override
    public boolean joins(EntityWindow window, Observation failure) {
        return window.has(SUCCESS);
    }

    @Override
    public Optional<Finding> evaluate(AlertEntity entity, EntityWindow window, Observation latest) {
        if (latest.kind().equals(SUCCESS)) {
            // the latest success per app and network within `within`, and per network for the window (the user's own)
            Observation kept = kept(latest);
            Observation stored = window.of(SUCCESS).stream().filter(kept::equals).findFirst().orElseThrow();
            window.dropEarlierWhere(stored,
                    (o, same) -> Objects.equals(o.app(), same.app()) && Networks.same(o.ip(), same.ip()));
            window.dropOlder(SUCCESS, latest.timeMs() - withinMs);
            Observation known = new Observation(latest.timeMs(), KNOWN, null, Networks.of(latest.ip()), null, null, null);
            window.add(known, timing.window().toMillis(), cap());
            window.dropEarlier(known, Observation::ip);
            return Optional.empty();
        }
        window.dropOlder(FAIL, Long.MAX_VALUE); // a failure is judged now and never kept
        window.dropOlder(SUCCESS, latest.timeMs() - withinMs);
        for (Observation known : window.of(KNOWN)) {
            if (Networks.same(known.ip(), latest.ip())) {
                return Optional.empty(); // the user's own network: a typo, not a guess from elsewhere
            }
        }
        for (Observation success : window.of(SUCCESS)) {
            if (success.timeMs() <= latest.timeMs() && latest.timeMs() - success.timeMs() <= withinMs
                    && Objects.equals(success.app(), latest.app())) {
                long minutes = Math.max(0, (latest.timeMs() - success.timeMs()) / 60_000);
                return Optional.of(finding(NAME, severity, entity, latest.user() + " signed in to " + latest.app()
                        + " from " + success.ip() + ", and " + minutes + " min later a wrong password was tried for the "
                        + "same app from " + latest.ip() + ", another network.", 2, 2, 1, 2, List.of(success, latest), false));
            }
        }
        return Optional.empty();
    }
}
