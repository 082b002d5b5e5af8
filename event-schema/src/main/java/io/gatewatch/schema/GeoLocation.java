package io.gatewatch.schema;

/** Where a sign-in came from, as Entra resolves the IP; every part may be missing. */
public record GeoLocation(String city, String state, String countryOrRegion, Double latitude, Double longitude) {

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }
}
