package io.gatewatch.classify;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An org directory for offline use: entries given up front (from {@code --orgs}) always win over
 * what is learned from successful requests, since an admin's directory is the ground truth.
 */
public final class InMemoryOrgDirectory implements OrgDirectory {

    private final Map<String, String> configured = new HashMap<>();
    private final Map<String, String> learned = new HashMap<>();

    public void put(String orgName, String regionHost) {
        configured.put(key(orgName), regionHost.toLowerCase(Locale.ROOT));
    }

    /** Records that a request to this region host succeeded, so the org lives there. */
    public void learn(String orgName, String regionHost) {
        learned.put(key(orgName), regionHost.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<String> regionHostOf(String orgName) {
        String known = configured.get(key(orgName));
        return Optional.ofNullable(known != null ? known : learned.get(key(orgName)));
    }

    private static String key(String orgName) {
        return orgName.toLowerCase(Locale.ROOT);
    }
}
