package io.gatewatch.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Business travel: every 6 hours of traffic one user (not behind the proxy) flies long-haul,
 * 5,000 km or more, and stays at the destination, signing in from a hotel address there. No
 * sign-in happens from an hour before departure to an hour after landing, and a flight covers
 * its distance at 800 km/h plus half an hour of taxiing, so the speed between the last sign-in
 * at home and the first abroad stays below the 800 km/h of impossible travel, as a real trip's does.
 */
final class Travellers {

    static final Duration EVERY = Duration.ofHours(6);
    private static final Duration AT_AIRPORT = Duration.ofHours(1);
    private static final double MIN_KM = 5_000;

    /** Away from {@code leaves} (the last sign-in at home) until {@code lands} (the first abroad). */
    private record Trip(Instant leaves, Instant lands, Place destination) {
    }

    private final Random random;
    private final Map<String, Trip> tripsByUser = new HashMap<>();
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
            tripsByUser.put(user.userId(), new Trip(leaves, lands, new Place("100.64.2." + (trips % 250 + 1), destination)));
            return;
        }
    }
}
