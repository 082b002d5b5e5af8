package io.gatewatch.classify;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table of Dynamics 365 region hosts ({@code crm4.dynamics.com} = EMEA, ...), and the parsing
 * of a request URL into organisation and region host.
 */
public final class DynamicsRegions {

    /** One region host and the region it serves. */
    public record RegionHost(String host, String region) {
    }

    /** The organisation a URL names and the region host it was sent to. */
    public record OrgUrl(String orgName, String regionHost) {

        public String baseUrl() {
            return "https://" + orgName + "." + regionHost;
        }
    }

    private final List<RegionHost> hosts;

    public DynamicsRegions(List<RegionHost> hosts) {
        // longest first, so crm.microsoftdynamics.us is not mistaken for some shorter suffix
        this.hosts = hosts.stream()
                .map(h -> new RegionHost(h.host().toLowerCase(Locale.ROOT), h.region()))
                .sorted(Comparator.comparingInt((RegionHost h) -> h.host().length()).reversed())
                .toList();
    }

    public List<RegionHost> hosts() {
        return hosts;
    }

    /** The region a host serves, e.g. EMEA for crm4.dynamics.com. */
    public Optional<String> regionOf(String regionHost) {
        return hosts.stream().filter(h -> h.host().equalsIgnoreCase(regionHost)).map(RegionHost::region).findFirst();
    }

    /**
     * Parses {@code https://contoso.crm4.dynamics.com/main.aspx} (or a bare host) into
     * {@code contoso} and {@code crm4.dynamics.com}; empty when the host is not a known region host.
     */
    public Optional<OrgUrl> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String host;
        try {
            String withScheme = url.contains("://") ? url : "https://" + url;
            host = URI.create(withScheme.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (host == null) {
            return Optional.empty();
        }
        String lower = host.toLowerCase(Locale.ROOT);
        for (RegionHost region : hosts) {
            if (lower.endsWith("." + region.host())) {
                String prefix = lower.substring(0, lower.length() - region.host().length() - 1);
                // contoso.api.crm4.dynamics.com is the Web API endpoint of the org "contoso"
                String org = prefix.contains(".") ? prefix.substring(0, prefix.indexOf('.')) : prefix;
                return org.isEmpty() ? Optional.empty() : Optional.of(new OrgUrl(org, region.host()));
            }
        }
        return Optional.empty();
    }
}
