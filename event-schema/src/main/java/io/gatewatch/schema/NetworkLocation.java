package io.gatewatch.schema;

import java.util.List;

/**
 * One entry of a sign-in's {@code networkLocationDetails}: the kind of network Entra matched
 * the address to ({@code networkType}: {@code namedNetwork}, {@code trustedNamedLocation},
 * {@code extranet}, {@code intranet}, ...) and the names of the matching named locations.
 */
public record NetworkLocation(String networkType, List<String> networkNames) {

    public NetworkLocation {
        networkNames = networkNames == null ? List.of() : List.copyOf(networkNames);
    }
}
