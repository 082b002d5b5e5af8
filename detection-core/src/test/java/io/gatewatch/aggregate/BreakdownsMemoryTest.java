package io.gatewatch.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.AppliedPolicy;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DeviceDetail;
import io.gatewatch.schema.GeoLocation;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tenant window's breakdowns stay bounded whatever its traffic: a day of 100 000 failures, each
 * with a value of every dimension never seen before (the worst case: no row is ever reused), holds
 * each dimension at its capacity and weighs at most {@link #MAX_WEIGHT} bytes, as much as a quiet
 * tenant's full window; and merging more windows into it keeps it there.
 */
class BreakdownsMemoryTest {

    /** The heap a tenant window's breakdowns take at most (docs/api.md#breakdowns-what-rose-where-for-whom). */
    static final long MAX_WEIGHT = 200_000;

    @Test
    void aWindowOfEndlesslyNewValuesStaysWithinItsCapacities() {
        TenantWindowCounts day = new TenantWindowCounts();
        for (int i = 0; i < 100_000; i++) {
            day.add(failure(i));
        }
        TenantWindowCounts another = new TenantWindowCounts();
        for (int i = 100_000; i < 110_000; i++) {
            another.add(failure(i));
        }
        day.merge(another);
        int rows = 0;
        for (Dimension dimension : Dimension.values()) {
            DimensionSummary summary = day.breakdowns().of(dimension);
            assertThat(summary.rows().size()).as(dimension.name()).isLessThanOrEqualTo(dimension.capacity());
            rows += summary.rows().size();
        }
        int capacities = 0;
        for (Dimension dimension : Dimension.values()) {
            capacities += dimension.capacity();
        }
        assertThat(rows).as("every dimension full, the categories aside").isGreaterThan(capacities - 64);
        assertThat(day.breakdowns().weight()).isLessThanOrEqualTo(MAX_WEIGHT);
    }

    private static ClassifiedEvent failure(int i) {
        String n = Integer.toString(i);
        SignInEvent event = new SignInEvent("id" + n, Instant.EPOCH, "t1", "graph", "SignInLogs",
                "someone.with.a.long.name" + n + "@contoso.onmicrosoft.com", null, null, null, "app-id-" + n,
                "Application number " + n, "resource-" + n, "Resource number " + n, "2001:db8::" + Integer.toHexString(i),
                "Client " + n, "c" + n, true, 50_000 + i, null, null, null, null, null, null, null, null,
                new GeoLocation("City " + n, null, "C" + n, null, null),
                new DeviceDetail(null, "OS " + n, "Browser " + n), null, List.of(),
                List.of(new AppliedPolicy("p" + n, "Policy number " + n, "failure")), null, null, null);
        return new ClassifiedEvent(event, new Classification(Outcome.FAILURE, Category.values()[i % Category.values().length],
                Severity.LOW, false, 50_000 + i, null, List.of(), null, false));
    }
}
