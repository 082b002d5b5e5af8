package io.gatewatch.classify;

import io.gatewatch.state.StateView;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where each Dynamics organisation really lives: the admin's directory first (the ground truth),
 * else the region host its own successful requests were sent to. The one owner of both the lookup
 * and the learning, for the streaming classifier (a global table and a tenant-local store) and the
 * offline one (maps) alike.
 */
public final class OrgLocations {

    private final Function<String, String> directory;
    private final StateView<String> learned;

    /**
     * @param directory org name → region host from the org directory (null when not listed)
     * @param learned   {@code tenant|org} → the region host its successful requests went to
     */
    public OrgLocations(Function<String, String> directory, StateView<String> learned) {
        this.directory = directory;
        this.learned = learned;
    }

    /** Offline: a directory given up front (org names and hosts in any case) and learning in memory. */
    public static OrgLocations inMemory(Map<String, String> orgToRegionHost) {
        Map<String, String> directory = new HashMap<>();
        orgToRegionHost.forEach((org, host) -> directory.put(lower(org), lower(host)));
        return new OrgLocations(directory::get, StateView.of(new HashMap<>()));
    }

    /** The org's region host (e.g. {@code crm4.dynamics.com}), if known. */
    public Optional<String> regionHostOf(String tenant, String orgName) {
        String configured = directory.apply(orgName);
        return Optional.ofNullable(configured != null ? configured : learned.get(key(tenant, orgName)));
    }

    /** A request to this org's region host succeeded, so the org lives there; stored only when it is news. */
    public void learn(String tenant, DynamicsRegions.OrgUrl url) {
        String key = key(tenant, url.orgName());
        if (!url.regionHost().equals(learned.get(key))) {
            learned.put(key, url.regionHost());
        }
    }

    private static String key(String tenant, String orgName) {
        return tenant + "|" + orgName;
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
