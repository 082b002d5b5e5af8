package io.gatewatch.generator;

import java.util.List;

/** A city users live in; coordinates let impossible-travel detection measure distances. */
public record HomeLocation(String city, String state, String countryOrRegion, double latitude, double longitude) {

    /** Real cities spread over continents, so travel between some pairs is impossible in hours. */
    public static final List<HomeLocation> CITIES = List.of(
            new HomeLocation("Seattle", "Washington", "US", 47.61, -122.33),
            new HomeLocation("New York", "New York", "US", 40.71, -74.01),
            new HomeLocation("Dublin", "Dublin", "IE", 53.35, -6.26),
            new HomeLocation("London", "England", "GB", 51.51, -0.13),
            new HomeLocation("Frankfurt", "Hesse", "DE", 50.11, 8.68),
            new HomeLocation("Paris", "Ile-de-France", "FR", 48.86, 2.35),
            new HomeLocation("Sydney", "New South Wales", "AU", -33.87, 151.21),
            new HomeLocation("Tokyo", "Tokyo", "JP", 35.68, 139.69),
            new HomeLocation("Bengaluru", "Karnataka", "IN", 12.97, 77.59),
            new HomeLocation("Sao Paulo", "Sao Paulo", "BR", -23.55, -46.63),
            new HomeLocation("Toronto", "Ontario", "CA", 43.65, -79.38),
            new HomeLocation("Johannesburg", "Gauteng", "ZA", -26.20, 28.05));

    /** Great-circle distance, as impossible-travel detection measures it. */
    public double kmTo(HomeLocation other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
