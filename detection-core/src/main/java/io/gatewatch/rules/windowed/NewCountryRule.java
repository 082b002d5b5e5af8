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
import java.util.Optional;

/**
 * NEW_COUNTRY_VALID_PASSWORD (user): the right password from a country the user has not signed in
 * from within the window (7 days), the sign-in stopped only by MFA or Conditional Access — Sentinel's
 * NewCountryValidCreds: the password is known elsewhere, reset it. Two guards spare real users:
 * the user must have been seen for {@code history} (a new user's first countries are learning), and
 * the country must be out of reach from the user's latest sign-in elsewhere — at least
 * IMPOSSIBLE_TRAVEL's speed ({@code min-kmh}) — so a traveller landing abroad, whose first sign-in
 * there asks for MFA, stays quiet, while a password tried abroad as its owner works at home alerts.
 * Without coordinates on either side it alerts, as Sentinel does. A wrong password is ignored: it
 * says nothing of where the user is. The window keeps the latest success and the latest
 * validated-but-stopped sign-in per country (the country in the app slot), and when the user was first seen.
 */
final class NewCountryRule implements WindowedRule {

    static final String NAME = "NEW_COUNTRY_VALID_PASSWORD";
    private static final String SEEN = "seen";
    private static final String CANDIDATE = "validated";
    private static final long REFRESH_MS = 10 * 60_000;

    private final Severity severity;
    private final RuleTiming timing;
    private final long historyMs;
    private final long minKmh;

    NewCountryRule(RuleSettings settings) {
        this.severity = settings.severity(NAME, Severity.MEDIUM);
        this.timing = RuleTiming.of(settings, NAME);
        this.historyMs = settings.period(NAME, "history").toMillis();
        this.minKmh = settings.number(NAME, "min-kmh");
    }

    @Override
    public RuleTiming timing() {
        return timing;
    }

    /** One observation per country the user signed in from, and the first-seen anchor. */
    @Override
    public int cap() {
        return 32;
    }

    @Override
    public List<Keyed> observe(ClassifiedEvent event) {
        if (!(event.event() instanceof SignInEvent signIn) || signIn.location() == null
                || signIn.location().countryOrRegion() == null || Observations.user(signIn) == null) {
            return List.of();
        }
        Outcome outcome = event.classification().outcome();
        boolean candidate = outcome != Outcome.SUCCESS && event.classification().credentialValidated()
                && !Boolean.FALSE.equals(signIn.isInteractive());
        if (outcome != Outcome.SUCCESS && !candidate || Boolean.FALSE.equals(signIn.isInteractive())) {
            // a wrong password says nothing of where the user is, nor makes its country known; nor does a
            // token refreshed in the background, which a stolen token does from wherever its thief is
            return List.of();
        }
        return List.of(new Keyed("user", Observations.user(signIn), Observations.withTerm(
                Observations.of(event, candidate ? CANDIDATE : SEEN), signIn.location().countryOrRegion())));
    }

    /**
     * What every user keeps for a week is small: time, kind, country (app slot) and place with its
     * coordinates — no name (the window's entity), address or correlation id.
     */
    @Override
    public String evidenceTerm() {
        return "country";
    }

    @Override
    public Observation kept(Observation observation) {
        return new Observation(observation.timeMs(), observation.kind(), null, null, observation.app(),
                observation.location(), null);
    }

    /**
     * A sign-in from a country with one of the same kind kept from the last 10 minutes changes
     * nothing the rule needs: the look-back is a week, and 10 minutes of staleness in the
     * reachability check still puts a neighbouring country out of reach of a sign-in minutes old.
     */
    @Override
    public boolean refreshes(EntityWindow window, Observation seen) {
        for (Observation kept : window.of(seen.kind())) {
            if (seen.app().equals(kept.app()) && Math.abs(seen.timeMs() - kept.timeMs()) < REFRESH_MS) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<Finding> evaluate(AlertEntity entity, EntityWindow window, Observation latest) {
        Observation self = window.observations().stream().filter(kept(latest)::equals).findFirst().orElseThrow();
        Observation previous = null; // where the user last was: their latest success in another country
        boolean known = false;
        for (Observation o : window.observations()) {
            if (o == self || o.kind().equals(FirstSeen.KIND)) {
                continue;
            }
            known |= o.app().equals(latest.app());
            if (o.kind().equals(SEEN) && !o.app().equals(latest.app()) && o.timeMs() <= latest.timeMs()
                    && (previous == null || o.timeMs() > previous.timeMs())) {
                previous = o;
            }
        }
        window.dropEarlier(self, Observation::app); // the latest sign-in per country and kind
        long firstSeen = FirstSeen.update(window, latest.timeMs(), timing.window().toMillis(), cap());
        if (known || !latest.kind().equals(CANDIDATE) || previous == null || firstSeen > latest.timeMs() - historyMs
                || reachable(previous, latest)) {
            return Optional.empty();
        }
        long minutes = (latest.timeMs() - previous.timeMs()) / 60_000;
        return Optional.of(finding(NAME, severity, entity, latest.user() + "'s password was right in a sign-in from "
                + latest.app() + ", a country not seen for the user in " + timing.window().toDays() + " days, " + minutes
                + " min after a sign-in from " + previous.app() + "; MFA or Conditional Access stopped it: reset the password.",
                1, 1, 1, 2, List.of(previous, latest), false));
    }

    private boolean reachable(Observation from, Observation to) {
        if (from.location() == null || to.location() == null || from.location().indexOf('|') < 0
                || to.location().indexOf('|') < 0) {
            return false;
        }
        double km = ImpossibleTravelRule.distanceKm(from.location(), to.location());
        double hours = Math.max(to.timeMs() - from.timeMs(), 1) / 3_600_000.0;
        return km / hours < minKmh;
    }
}
