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
 * choice wins), else the name its members' sign-ins carry ({@code homeTenantName}, kept in each
 * minute's counts), the newest within {@link #LOOK_BACK}. A name found is remembered; a tenant whose
 * logs carry none is looked for again after {@link #RETRY}, not at every answer (a day of minutes).
 */
final class TenantDisplayNames {

    static final Duration LOOK_BACK = Duration.ofDays(1);
    static final Duration RETRY = Duration.ofMinutes(5);

    private final TenantNames configured;
    private final Function<String, ReadOnlyWindowStore<String, TenantWindowCounts>> windows;
    private final Clock clock;
    private final Map<String, String> logged = new ConcurrentHashMap<>();
    private final Map<String, Instant> lookedFor = new ConcurrentHashMap<>();

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
        name = logged.get(tenant);
        Instant now = clock.instant();
        Instant last = lookedFor.get(tenant);
        if (name != null || last != null && last.isAfter(now.minus(RETRY))) {
            return name;
        }
        lookedFor.put(tenant, now);
        try (WindowStoreIterator<TenantWindowCounts> newestFirst = windows.apply(GatewatchTopology.AGGREGATE_STORE)
                .backwardFetch(tenant, now.minus(LOOK_BACK), now)) {
            while (newestFirst.hasNext()) {
                String found = newestFirst.next().value.tenantName();
                if (found != null) {
                    logged.put(tenant, found);
                    return found;
                }
            }
        } catch (InvalidStateStoreException e) {
            lookedFor.remove(tenant); // the store is restoring or moved: ask again next time
        }
        return null;
    }

    /** A name a query met in the tenant's windows on its way (the newest it saw). */
    void seen(String tenant, String name) {
        if (name != null) {
            logged.put(tenant, name);
        }
    }
}
