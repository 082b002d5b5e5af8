package io.gatewatch.generator;

import java.util.Comparator;
import java.util.List;

/**
 * An always-on cloud proxy (the Zscaler / Netskope kind) or a corporate VPN: half of all users,
 * picked by user id, reach Entra only through the proxy's point of presence nearest to them. Each
 * POP address is then shared by hundreds of users of many tenants — their typos, expired
 * sessions and MFA prompts all come from one address, which per-address rules must tolerate.
 * Addresses are in 100.64.0.0/10 (RFC 6598, the shared address space carrier-grade NAT uses).
 */
final class ProxyEgress {

    private static final List<String> POPS = List.of("New York", "London", "Sao Paulo", "Johannesburg", "Tokyo",
            "Sydney", "Bengaluru");

    private ProxyEgress() {
    }

    static boolean proxied(SyntheticUser user) {
        return Math.floorMod(user.userId().hashCode() * 31 + 7, 100) < 50;
    }

    /** The POP a proxied user always appears at (always-on: never their own address). */
    static Place of(SyntheticUser user) {
        HomeLocation pop = POPS.stream().map(ProxyEgress::city)
                .min(Comparator.comparingDouble(c -> c.kmTo(user.home()))).orElseThrow();
        return new Place("100.64.0." + (POPS.indexOf(pop.city()) + 1), pop);
    }

    private static HomeLocation city(String name) {
        return HomeLocation.CITIES.stream().filter(c -> c.city().equals(name)).findFirst().orElseThrow();
    }
}
