package io.gatewatch.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Tenants and their users, generated deterministically from a seed. Tenant sizes are skewed
 * (a few large tenants, many small ones) as in a real multi-tenant feed. Addresses come from the
 * documentation ranges (RFC 5737), so generated logs never name a real host.
 */
public final class SyntheticDirectory {

    private final List<List<SyntheticUser>> usersByTenant;
    private final Map<String, Integer> indexByTenantId = new HashMap<>();

    private SyntheticDirectory(List<List<SyntheticUser>> usersByTenant) {
        this.usersByTenant = usersByTenant;
        for (int t = 0; t < usersByTenant.size(); t++) {
            indexByTenantId.put(tenantId(t), t);
        }
    }

    /** {@code tenants} tenants sharing about {@code totalUsers} users, tenant i getting a Zipf-like share. */
    public static SyntheticDirectory generate(long seed, int tenants, int totalUsers) {
        Random random = new Random(seed);
        double harmonic = 0;
        for (int i = 1; i <= tenants; i++) {
            harmonic += 1.0 / i;
        }
        List<List<SyntheticUser>> all = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            String tenantId = new UUID(seed, t + 1L).toString();
            String domain = "tenant" + (t + 1) + ".example.com";
            int size = Math.max(3, (int) Math.round(totalUsers / harmonic / (t + 1)));
            List<SyntheticUser> users = new ArrayList<>(size);
            for (int u = 0; u < size; u++) {
                HomeLocation home = HomeLocation.CITIES.get(random.nextInt(HomeLocation.CITIES.size()));
                String name = "user" + (u + 1);
                users.add(new SyntheticUser(tenantId, name + "@" + domain, new UUID(seed ^ t, u).toString(),
                        "User " + (u + 1) + " (" + domain.substring(0, domain.indexOf('.')) + ")", home,
                        documentationIp(random)));
            }
            all.add(List.copyOf(users));
        }
        return new SyntheticDirectory(List.copyOf(all));
    }

    public int tenantCount() {
        return usersByTenant.size();
    }

    public List<SyntheticUser> users(int tenantIndex) {
        return usersByTenant.get(tenantIndex);
    }

    public int tenantIndex(String tenantId) {
        return indexByTenantId.get(tenantId);
    }

    public int totalUsers() {
        return usersByTenant.stream().mapToInt(List::size).sum();
    }

    public String tenantId(int tenantIndex) {
        return usersByTenant.get(tenantIndex).get(0).tenantId();
    }

    /** An address in 192.0.2.0/24, 198.51.100.0/24 or 203.0.113.0/24. */
    public static String documentationIp(Random random) {
        String[] nets = {"192.0.2.", "198.51.100.", "203.0.113."};
        return nets[random.nextInt(nets.length)] + (1 + random.nextInt(254));
    }

}
