package io.gatewatch.schema;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One entry of a sign-in's {@code networkLocationDetails}: the kind of network Entra matched
 * the address to ({@code networkType}: {@code namedNetwork}, {@code trustedNamedLocation},
 * {@code extranet}, {@code intranet}, ...) and the names of the matching named locations.
 */
public record NetworkLocation(String networkType, List<String> networkNames) {

    public NetworkLocation {
        networkNames = networkNames == null ? List.of() : List.copyOf(networkNames);
    }

    /**
     * The distinct network types of a sign-in's locations in their order, comma-joined (as a rule
     * condition reads them: one type compares equal, one of several is found with a contains
     * test); null when there are none.
     */
    public static String types(List<NetworkLocation> locations) {
        if (locations.isEmpty()) {
            return null;
        }
        if (locations.size() == 1) {
            return locations.get(0).networkType();
        }
        String joined = locations.stream().map(NetworkLocation::networkType).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(","));
        return joined.isEmpty() ? null : joined;
    }
}
