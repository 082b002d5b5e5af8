package io.gatewatch.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.schema.TenantAggregate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Catch-up without loss, offline: whatever order events arrive in (a replayed backlog whose
 * partitions are read at different speeds), the last record of every tenant window is its exact
 * count, each window goes out on time once, and only events past the retention are left out.
 */
class TenantWindowsTest {

    private static final Instant T0 = Instant.parse("2025-11-14T00:00:00Z");
    private static final long MINUTE = 60_000;
    private static final long GRACE = 2 * MINUTE;
    private static final long SIX_HOURS = Duration.ofHours(6).toMillis();
    private static final EventClassifier CLASSIFIER = EventClassifier.offline(ClassificationData.defaults(), Map.of());

    record Arrival(String tenant, long timeMs) {
    }

    @Property(tries = 300)
    void anyArrivalOrderWithinTheRetentionEndsWithExactWindows(@ForAll("backlogs") List<Arrival> arrivals) {
        TenantWindows windows = new TenantWindows(MINUTE, GRACE, SIX_HOURS);
        List<TenantAggregate> out = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            windows.add(arrival.tenant(), event(arrival), arrival.timeMs()).ifPresent(out::add);
            out.addAll(windows.closed());
        }
        out.addAll(windows.finish());

        Map<String, Long> expected = new HashMap<>();
        arrivals.forEach(a -> expected.merge(a.tenant() + "@" + Math.floorDiv(a.timeMs(), MINUTE) * MINUTE, 1L, Long::sum));
        Map<String, Long> latest = new HashMap<>();
        Map<String, Integer> firsts = new HashMap<>();
        for (TenantAggregate aggregate : out) {
            String key = aggregate.tenantId() + "@" + aggregate.windowStart().toEpochMilli();
            assertThat(aggregate.correction()).as("a correction exactly when %s was out before", key)
                    .isEqualTo(latest.containsKey(key));
            latest.put(key, aggregate.total());
            if (!aggregate.correction()) {
                firsts.merge(key, 1, Integer::sum);
            }
        }
        assertThat(latest).isEqualTo(expected);
        assertThat(firsts.values()).allMatch(n -> n == 1);
        assertThat(windows.dropped()).isZero();
    }

    /** Up to 400 events over 5 hours, three tenants, in a random order: partitions read at any speed. */
    @Provide
    Arbitrary<List<Arrival>> backlogs() {
        Arbitrary<Arrival> arrival = Combinators.combine(Arbitraries.of("t0", "t1", "t2"),
                Arbitraries.longs().between(0, Duration.ofHours(5).toMillis()))
                .as((tenant, offset) -> new Arrival(tenant, T0.toEpochMilli() + offset));
        return arrival.list().ofMinSize(1).ofMaxSize(400).flatMap(list -> Arbitraries.shuffle(list));
    }

    @Test
    void onlyEventsOlderThanTheRetentionBehindStreamTimeAreLeftOut() {
        TenantWindows windows = new TenantWindows(MINUTE, GRACE, SIX_HOURS);
        long t0 = T0.toEpochMilli();
        windows.add("t", event(new Arrival("t", t0 + SIX_HOURS + 5 * MINUTE)), t0 + SIX_HOURS + 5 * MINUTE);
        Optional<TenantAggregate> edge = windows.add("t", event(new Arrival("t", t0 + 6 * MINUTE)), t0 + 6 * MINUTE);
        Optional<TenantAggregate> past = windows.add("t", event(new Arrival("t", t0 + 3 * MINUTE)), t0 + 3 * MINUTE);

        assertThat(edge).as("a window inside the retention still counts").hasValueSatisfying(a -> {
            assertThat(a.total()).isEqualTo(1);
            assertThat(a.correction()).as("its first record").isFalse();
        });
        assertThat(past).isEmpty();
        assertThat(windows.dropped()).isEqualTo(1);
    }

    private static ClassifiedEvent event(Arrival arrival) {
        SignInEvent e = new SignInEvent("id", Instant.ofEpochMilli(arrival.timeMs()), arrival.tenant(), "graph",
                "SignInLogs", "u@x.com", null, null, null, null, null, null, null, null, null, null, null, 0, null,
                null, null, null, null, null, null, List.of(), null, null, null, List.of(), List.of(), null, null);
        return new ClassifiedEvent(e, CLASSIFIER.classify(e));
    }
}
