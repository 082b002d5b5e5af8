package io.gatewatch.app.topology;

import io.gatewatch.aggregate.DaySummaries;
import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.TenantAggregate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Rolls each closed minute window into its tenant's hour ({@code tenant-hour-counts}) and day
 * ({@code tenant-day-counts}): one store update per tenant and minute, not per event. When a
 * tenant's first minute of a new day arrives, its previous day is complete and is forwarded to
 * {@code signin-aggregates-daily} with its summary ({@link DaySummaries}: top failing apps and
 * users, what rose against the day before, the alerts raised, from {@code recent-alerts}). An event
 * that came after its minute closed adds only itself; if its day was already forwarded, the day goes
 * out again, corrected.
 */
final class RollupProcessor implements Processor<Windowed<String>, WindowUpdate, String, TenantAggregate> {

    static final String HOURS_STORE = "tenant-hour-counts";
    static final String DAYS_STORE = "tenant-day-counts";
    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);

    private final Duration dayRetention;
    private ProcessorContext<String, TenantAggregate> context;
    private WindowStore<String, TenantWindowCounts> hours;
    private WindowStore<String, TenantWindowCounts> days;
    private WindowStore<String, Alert> alerts;

    RollupProcessor(Duration dayRetention) {
        this.dayRetention = dayRetention;
    }

    @Override
    public void init(ProcessorContext<String, TenantAggregate> context) {
        this.context = context;
        this.hours = context.getStateStore(HOURS_STORE);
        this.days = context.getStateStore(DAYS_STORE);
        this.alerts = context.getStateStore(AlertStage.RECENT_ALERTS_STORE);
    }

    @Override
    public void process(Record<Windowed<String>, WindowUpdate> minute) {
        String tenant = minute.key().key();
        long start = minute.key().window().start();
        TenantWindowCounts change = minute.value().change();
        fold(hours, tenant, Math.floorDiv(start, HOUR.toMillis()) * HOUR.toMillis(), change);
        long day = Math.floorDiv(start, DAY.toMillis()) * DAY.toMillis();
        boolean firstOfDay = fold(days, tenant, day, change);
        if (minute.value().late()) {
            forwardIfFinished(tenant, day, !firstOfDay, minute.timestamp());
        } else if (firstOfDay) {
            forwardPreviousDay(tenant, day, minute.timestamp());
        }
    }

    /** A late minute of a finished day (a later day exists): the day again, corrected if it went out before. */
    private void forwardIfFinished(String tenant, long day, boolean correction, long timestamp) {
        try (WindowStoreIterator<TenantWindowCounts> later = days.fetch(tenant, day + 1, day + dayRetention.toMillis())) {
            if (later.hasNext()) {
                TenantAggregate aggregate = finished(tenant, day, days.fetch(tenant, day));
                context.forward(new Record<>(tenant, correction ? aggregate.asCorrection() : aggregate, timestamp));
            }
        }
    }

    /** Adds the minute to its period; true when the period had nothing yet. */
    private static boolean fold(WindowStore<String, TenantWindowCounts> store, String tenant, long periodStart,
                                TenantWindowCounts minute) {
        TenantWindowCounts period = store.fetch(tenant, periodStart);
        TenantWindowCounts merged = (period == null ? new TenantWindowCounts() : period).merge(minute);
        store.put(tenant, merged, periodStart);
        return period == null;
    }

    private void forwardPreviousDay(String tenant, long day, long timestamp) {
        try (WindowStoreIterator<TenantWindowCounts> earlier =
                     days.backwardFetch(tenant, day - dayRetention.toMillis(), day - 1)) {
            if (earlier.hasNext()) {
                var previous = earlier.next();
                context.forward(new Record<>(tenant, finished(tenant, previous.key, previous.value), timestamp));
            }
        }
    }

    /** A finished day's record: its counts and its summary. */
    private TenantAggregate finished(String tenant, long day, TenantWindowCounts counts) {
        Instant start = Instant.ofEpochMilli(day);
        List<Alert> raised = new ArrayList<>();
        try (WindowStoreIterator<Alert> ofDay = alerts.fetch(tenant, day, day + DAY.toMillis() - 1)) {
            ofDay.forEachRemaining(alert -> raised.add(alert.value));
        }
        return counts.toAggregate(tenant, start, start.plus(DAY))
                .withDaySummary(DaySummaries.of(counts, days.fetch(tenant, day - DAY.toMillis()), raised));
    }
}
