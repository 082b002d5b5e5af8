package io.gatewatch.app.runtime;

import io.gatewatch.schema.TenantAggregate;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reading {@code signin-aggregates} as the upsert it is: the latest record of each tenant window counts. */
final class AggregateTotals {

    private AggregateTotals() {
    }

    /** The latest record per tenant and window start. */
    static Map<String, TenantAggregate> latestPerWindow(List<ConsumerRecord<String, TenantAggregate>> records) {
        Map<String, TenantAggregate> latest = new HashMap<>();
        records.forEach(r -> latest.put(r.key() + "@" + r.value().windowStart(), r.value()));
        return latest;
    }

    /** Per tenant, the sum of its windows' latest totals. */
    static Map<String, Long> perTenant(List<ConsumerRecord<String, TenantAggregate>> records) {
        return latestPerWindow(records).values().stream().collect(Collectors.groupingBy(TenantAggregate::tenantId,
                Collectors.summingLong(TenantAggregate::total)));
    }

    /** Records an in-process instance dropped, for a failure message (a loss no drop explains is another bug). */
    static String dropped(MeterRegistry registry) {
        return registry.getMeters().stream()
                .filter(m -> m.getId().getName().contains("dropped.records") || m.getId().getName().startsWith("gatewatch.aggregate."))
                .map(m -> m.getId().getName() + m.getId().getTags() + "=" + m.measure().iterator().next().getValue())
                .filter(line -> !line.endsWith("=0.0"))
                .collect(Collectors.joining(", ", "dropped/late (non-zero): [", "]"));
    }
}
