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
import java.util.Locale;
import java.util.Optional;

/**
 * IMPOSSIBLE_TRAVEL (tenant + user): two successful interactive sign-ins at least
 * {@code min-km} apart at a speed of at least {@code min-kmh} (Elastic: 500 km, 800 km/h).
 * Distances are great-circle distances between Entra's resolved coordinates.
 */
public final class ImpossibleTravelRule implements WindowedRule {

    static final String NAME = "IMPOSSIBLE_TRAVEL";

    private final Severity severity;
    private static final double EARTH_RADIUS_KM = 6371.0;
    /** An airliner's cruising speed: what "no flight is that fast" compares with. */
    private static final double AIRLINER_KMH = 900;
    private final long minKm;
    private final long minKmh;
    private final RuleTiming timing;

    public ImpossibleTravelRule(RuleSettings settings) {
        severity = settings.severity(NAME, Severity.HIGH);
        minKm = settings.number(NAME, "min-km");
        minKmh = settings.number(NAME, "min-kmh");
        timing = RuleTiming.of(settings, NAME);
    }

    @Override
    public RuleTiming timing() {
        return timing;
    }

    /** Only the few latest successes are needed to compare the newest with its neighbours. */
    @Override
    public int cap() {
        return 8;
    }

    @Override
    public List<Keyed> observe(ClassifiedEvent event) {
        if (!(event.event() instanceof SignInEvent signIn) || event.classification().outcome() != Outcome.SUCCESS
                || Boolean.FALSE.equals(signIn.isInteractive()) || signIn.location() == null
                || !signIn.location().hasCoordinates() || Observations.user(signIn) == null) {
            return List.of();
        }
        return List.of(new Keyed("user", Observations.user(signIn), Observations.of(event, "success")));
    }

    @Override
    public Optional<Finding> evaluate(AlertEntity entity, EntityWindow state, Observation latest) {
        List<Observation> successes = state.of("success");
        int index = successes.indexOf(latest);
        try {
            return compare(entity, state, successes, index, latest);
        } finally {
            // per place only its latest success: the one next in time to whatever comes after it, the
            // closest, hence fastest, comparison. A user's record keeps a success per place, not per sign-in
            state.dropEarlier(latest, Observation::location);
        }
    }

    private Optional<Finding> compare(AlertEntity entity, EntityWindow state, List<Observation> successes, int index, Observation latest) {
        for (int neighbour : new int[] {index - 1, index + 1}) {
            if (neighbour < 0 || neighbour >= successes.size()) {
                continue;
            }
            Observation other = successes.get(neighbour);
            double km = distanceKm(latest.location(), other.location());
            double hours = Math.max(Math.abs(latest.timeMs() - other.timeMs()), 1) / 3_600_000.0;
            if (km >= minKm && km / hours >= minKmh) {
                Observation first = neighbour < index ? other : latest;
                Observation second = neighbour < index ? latest : other;
                return Optional.of(finding(NAME, severity, entity, summary(latest.user(), first, second, km,
                        Math.abs(latest.timeMs() - other.timeMs())), 2, 2, 1,
                        state.distinct(List.of(first, second), Observation::ip).size(), List.of(first, second), false));
            }
        }
        return Optional.empty();
    }

    /**
     * Numbers a person reads at a glance: the distance, the time between the sign-ins and how long
     * the fastest airliner (about 900 km/h) would need, not a speed in thousands of km/h.
     */
    static String summary(String user, Observation first, Observation second, double km, long betweenMs) {
        long flightMinutes = Math.round(km / AIRLINER_KMH * 60);
        long betweenMinutes = betweenMs / 60_000;
        return user + " signed in from " + place(first) + ", then from " + place(second) + " "
                + String.format(Locale.ROOT, "%,d", Math.round(km)) + " km away " + duration(betweenMinutes) + " later: "
                + (flightMinutes > betweenMinutes ? "no flight is that fast" : "faster than any trip door to door")
                + " (a direct flight alone takes about " + duration(flightMinutes) + ").";
    }

    /** "40 min", "3 h 05 min", "under a minute". */
    static String duration(long minutes) {
        if (minutes < 1) {
            return "under a minute";
        }
        return minutes < 60 ? minutes + " min" : String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    private static String place(Observation o) {
        return o.location().substring(o.location().indexOf('|') + 1);
    }

    static double distanceKm(String a, String b) {
        double[] p = coordinates(a);
        double[] q = coordinates(b);
        double dLat = Math.toRadians(q[0] - p[0]);
        double dLon = Math.toRadians(q[1] - p[1]);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(p[0])) * Math.cos(Math.toRadians(q[0])) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static double[] coordinates(String location) {
        String[] latLon = location.substring(0, location.indexOf('|')).split(",");
        return new double[] {Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1])};
    }
}
