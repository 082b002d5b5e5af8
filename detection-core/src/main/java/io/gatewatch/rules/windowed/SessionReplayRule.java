package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.Finding;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.catalogue.EventField;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.state.SharedTexts;
import java.util.List;
import java.util.Optional;

/**
 * SESSION_REPLAY (session, kept with its user): one Entra session's successful sign-ins from two
 * countries within the window (1 h). An adversary-in-the-middle page steals the session after the
 * user passes MFA and replays it from its own server; a session changes country only with its
 * user, who cannot within the hour, while a phone roaming from Wi-Fi to its carrier changes
 * network, not country. The window lives in the user's record — which every success of the user
 * writes anyway — not under a key of its own per session, which would cost a state write per
 * sign-in: it keeps the latest sign-in per session and country (the session in the app slot, the
 * country in the location slot), and the alert names the session.
 */
final class SessionReplayRule implements WindowedRule {

    static final String NAME = "SESSION_REPLAY";
    private static final String KIND = "session";
    private static final long REFRESH_MS = 15 * 60_000;

    private final Severity severity;
    private final RuleTiming timing;

    SessionReplayRule(RuleSettings settings) {
        this.severity = settings.severity(NAME, Severity.HIGH);
        this.timing = RuleTiming.of(settings, NAME);
    }

    @Override
    public RuleTiming timing() {
        return timing;
    }

    /** A user's sessions and countries within the hour: a handful. */
    @Override
    public int cap() {
        return 16;
    }

    /** The app slot holds the session; the place slot holds only the country, which the evidence reads as one. */
    @Override
    public String evidenceTerm() {
        return "sessionId";
    }

    @Override
    public List<Keyed> observe(ClassifiedEvent event) {
        if (event.classification().outcome() != Outcome.SUCCESS || !(event.event() instanceof SignInEvent signIn)
                || signIn.sessionId() == null || signIn.location() == null || signIn.location().countryOrRegion() == null
                || Observations.user(signIn) == null) {
            return List.of();
        }
        Observation seen = Observations.of(event, KIND);
        return List.of(new Keyed("user", Observations.user(signIn), new Observation(seen.timeMs(), KIND, null, seen.ip(),
                SharedTexts.share(EventField.SESSION_ID.read(event)), SharedTexts.share(signIn.location().countryOrRegion()),
                null)));
    }

    /** The same session from the same country within a quarter of an hour adds nothing the hour needs. */
    @Override
    public boolean refreshes(EntityWindow window, Observation seen) {
        for (Observation kept : window.of(KIND)) {
            if (kept.app().equals(seen.app()) && kept.location().equals(seen.location())
                    && Math.abs(seen.timeMs() - kept.timeMs()) < REFRESH_MS) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<Finding> evaluate(AlertEntity user, EntityWindow window, Observation latest) {
        window.dropEarlier(latest, o -> o.app() + "|" + o.location()); // the latest per session and country
        for (Observation other : window.of(KIND)) {
            if (other != latest && other.app().equals(latest.app()) && !other.location().equals(latest.location())) {
                Observation first = other.timeMs() <= latest.timeMs() ? other : latest;
                Observation second = first == other ? latest : other;
                long minutes = Math.abs(latest.timeMs() - other.timeMs()) / 60_000;
                return Optional.of(finding(NAME, severity, new AlertEntity("session", latest.app()), "Session of "
                        + user.value() + " used from " + first.location() + " (" + first.ip() + ") and " + second.location()
                        + " (" + second.ip() + ") " + minutes + " min apart: a replayed session token is likely; revoke the "
                        + "user's sessions.", 2, 2, 1, 2, List.of(first, second), false));
            }
        }
        return Optional.empty();
    }
}
