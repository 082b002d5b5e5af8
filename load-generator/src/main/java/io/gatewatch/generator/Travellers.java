package io.gatewatch.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Business travel: every 6 hours of traffic one user (not behind the proxy) flies long-haul,
 * 5,000 km or more, and stays at the destination, signing in from a hotel address there. No
 * sign-in happens from an hour before departure to an hour after landing, and a flight covers
 * its distance at 800 km/h plus half an hour of taxiing, so the speed between the last sign-in
 * at home and the first abroad stays below the 800 km/h of impossible travel, as a real trip's does.
 * Every other trip's first sign-in abroad meets an MFA prompt (50074) that the traveller then
 * approves: a Conditional Access policy asking for MFA outside trusted locations, or Identity
 * Protection's unfamiliar sign-in properties, does that to a real traveller. The password was right
 * in a new country, which is NEW_COUNTRY_VALID_PASSWORD's shape, but the flight's hours put the new
 * country within reach of the last sign-in at home, so that rule must stay quiet.
 */
final class Travellers {

    static final Duration EVERY = Duration.ofHours(6);
    private static final Duration AT_AIRPORT = Duration.ofHours(1);
    private static final double MIN_KM = 5_000;

    /**
     * Away from {@code leaves} (the last sign-in at home) until {@code lands} (the first abroad);
     * {@code prompted}: the first sign-in abroad meets an MFA prompt.
     */
    private record Trip(Instant leaves, Instant lands, Place destination, boolean prompted) {
    }

    private final Random random;
    private final Map<String, Trip> tripsByUser = new HashMap<>();
    private final Set<String> arrived = new HashSet<>();
    private Instant nextTrip;
    private int trips;

    Travellers(long seed) {
        this.random = new Random(seed ^ 0x7a5e1L);
    }

    /** Starts the trips due by {@code time}; {@code pickUser} offers random users to choose from. */
    void planUntil(Instant time, Supplier<SyntheticUser> pickUser) {
        if (nextTrip == null) {
            nextTrip = time.plus(Duration.ofHours(3));
        }
        while (!time.isBefore(nextTrip)) {
            startTrip(nextTrip, pickUser);
            nextTrip = nextTrip.plus(EVERY);
        }
    }

    /** Where the user signs in from at {@code time}; null while they are on their way. */
    Place placeOf(SyntheticUser user, Instant time, Place usual) {
        Trip trip = tripsByUser.isEmpty() ? null : tripsByUser.get(user.userId());
        if (trip == null || time.isBefore(trip.leaves())) {
            return usual;
        }
        return time.isBefore(trip.lands()) ? null : trip.destination();
    }

    /** True for the first sign-in abroad of a trip whose arrival meets an MFA prompt; false after it. */
    boolean promptedOnArrival(SyntheticUser user, Instant time) {
        Trip trip = tripsByUser.isEmpty() ? null : tripsByUser.get(user.userId());
        return trip != null && trip.prompted() && !time.isBefore(trip.lands()) && arrived.add(user.userId());
    }

    private void startTrip(Instant leaves, Supplier<SyntheticUser> pickUser) {
        for (int attempt = 0; attempt < 100; attempt++) {
            SyntheticUser user = pickUser.get();
            if (ProxyEgress.proxied(user) || tripsByUser.containsKey(user.userId())) {
                continue;
            }
            List<HomeLocation> far = HomeLocation.CITIES.stream().filter(c -> c.kmTo(user.home()) >= MIN_KM).toList();
            HomeLocation destination = far.get(random.nextInt(far.size()));
            long flightMinutes = Math.round(destination.kmTo(user.home()) / 800.0 * 60) + 30;
            Instant lands = leaves.plus(AT_AIRPORT).plus(Duration.ofMinutes(flightMinutes)).plus(AT_AIRPORT);
            trips++;
            // every other trip by count, not by a random draw: the trips themselves stay as they were
            tripsByUser.put(user.userId(), new Trip(leaves, lands, new Place("100.64.2." + (trips % 250 + 1), destination),
                    trips % 2 == 1));
            return;
        }
    }
}
