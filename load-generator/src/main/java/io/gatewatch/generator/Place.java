package io.gatewatch.generator;

/** Where a sign-in comes from: an address and the place Entra resolves it to. */
public record Place(String ipAddress, HomeLocation location) {
}
