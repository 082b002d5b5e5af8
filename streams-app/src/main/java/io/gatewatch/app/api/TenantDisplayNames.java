package io.gatewatch.app.api;

import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.app.config.TenantNames;
import io.gatewatch.app.topology.GatewatchTopology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A tenant's display name: {@code tenant.<id>.name} where the configuration gives one (the admin's
 * choice wins), else the name its members' sign-ins carry ({@code homeTenantName}), as the newest of
 * the tenant's days within {@link #LOOK_BACK} holds it (the day roll-up keeps the latest closed
 * minute's name: a few day windows to read, not a day of minutes). What was found, a name or none,
 * is remembered for {@link #RECHECK}, so a tenant is looked up at most that often however many
 * answers name it, and a renamed tenant shows its new name within it.
 */
final class TenantDisplayNames {

    static final Duration LOOK_BACK = Duration.ofDays(7);
    static final Duration RECHECK = Duration.ofMinutes(5);

    private record Found(String name, Instant at) {
    }

    private final TenantNames configured;
    private final Function<String, ReadOnlyWindowStore<String, TenantWindowCounts>> windows;
    private final Clock clock;
    private final Map<String, Found> found = new ConcurrentHashMap<>();

    TenantDisplayNames(TenantNames configured, Function<String, ReadOnlyWindowStore<String, TenantWindowCounts>> windows,
                       Clock clock) {
        this.configured = configured;
        this.windows = windows;
        this.clock = clock;
    }

    /** The tenant's name; null when neither the configuration nor its recent sign-ins give one. */
    String nameOf(String tenant) {
        String name = configured.nameOf(tenant);
        if (name != null) {
            return name;
        }
        Instant now = clock.instant();
        Found known = found.get(tenant);
        if (known != null && known.at().isAfter(now.minus(RECHECK))) {
            return known.name();
        }
        try (WindowStoreIterator<TenantWindowCounts> newestFirst = windows.apply(GatewatchTopology.DAYS_STORE)
                .backwardFetch(tenant, now.minus(LOOK_BACK), now)) {
            while (name == null && newestFirst.hasNext()) {
                name = newestFirst.next().value.tenantName();
            }
        } catch (InvalidStateStoreException e) {
            return known == null ? null : known.name(); // restoring or moved: keep what was known, ask again next time
        }
        found.put(tenant, new Found(name, now));
        return name;
    }
}
