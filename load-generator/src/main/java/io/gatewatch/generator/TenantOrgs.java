package io.gatewatch.generator;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Each generated tenant's Dynamics 365 org, spread over several regions: tenant i owns
 * {@code tenant<i>} on one region host. Deterministic, so labels and org files agree.
 */
public final class TenantOrgs {

    /** An org and the region host it lives on. */
    public record Org(String tenantId, String orgName, String regionHost) {

        /** The host users should reach, {@code <org>.<region host>}. */
        public String host() {
            return orgName + "." + regionHost;
        }

        /** A host of another region: where a user with an old bookmark ends up. */
        public String wrongHost() {
            return orgName + "." + (regionHost.equals("crm.dynamics.com") ? "crm4.dynamics.com" : "crm.dynamics.com");
        }
    }

    private static final List<String> REGION_HOSTS = List.of("crm4.dynamics.com", "crm.dynamics.com",
            "crm11.dynamics.com", "crm5.dynamics.com", "crm3.dynamics.com", "crm6.dynamics.com");

    private final SyntheticDirectory directory;

    public TenantOrgs(SyntheticDirectory directory) {
        this.directory = directory;
    }

    public Org of(int tenantIndex) {
        return new Org(directory.tenantId(tenantIndex), "tenant" + (tenantIndex + 1),
                REGION_HOSTS.get(tenantIndex % REGION_HOSTS.size()));
    }

    public List<Org> all() {
        return IntStream.range(0, directory.tenantCount()).mapToObj(this::of).toList();
    }
}
