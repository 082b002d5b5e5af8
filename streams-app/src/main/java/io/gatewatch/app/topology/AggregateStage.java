package io.gatewatch.app.topology;

import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.app.state.DecodedMemory;
import io.gatewatch.app.state.DecodedStores;
import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.aggregate.WindowTimeline;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.TenantAggregate;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;

/**
 * Per-tenant aggregates: classified events keyed by tenant → one {@code TenantAggregate} per tenant
 * per closed tumbling window on {@code signin-aggregates} (key tenant), when stream time passes the
 * window's end plus grace; an event that arrives later still counts and its window is emitted
 * again as a correction ({@link WindowAggregateProcessor}), so the topic is an upsert by tenant and
 * window start. The window store {@code tenant-window-counts} keeps windows for
 * {@code aggregate.retention}, for interactive queries and corrections. Already keyed by tenant, so
 * this adds no repartition topic. Each window also holds its breakdowns (by app, country, error code,
 * user, ...: {@code Breakdowns}) in the same value, so they cost no store write of their own.
 * Closed minutes roll up into hours and days
 * ({@link RollupProcessor}) for the API's coarser steps.
 */
final class AggregateStage {

    static final String STORE = "tenant-window-counts";

    private AggregateStage() {
    }

    static void build(StreamsBuilder builder, GatewatchConfig config, KStream<String, ClassifiedEvent> classified,
                      MeterRegistry registry, DecodedMemory memory) {
        // timestamped, as the DSL aggregate that kept this store before: its changelog reads the same; a tenant's
        // minute changes with every event, so it stays decoded and its changelog gets the last value per commit
        builder.addStateStore(DecodedStores.timestampedWindow(Stores.persistentTimestampedWindowStore(STORE,
                config.aggregateRetention(), config.windowSize(), false), Serdes.String(), GatewatchSerdes.WINDOW_COUNTS,
                memory, TenantWindowCounts::weight));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                WindowAggregateProcessor.PROGRESS_STORE), Serdes.String(), Serdes.Long()));
        KStream<Windowed<String>, WindowUpdate> updates = classified.process(
                () -> new WindowAggregateProcessor(new WindowTimeline(config.windowSize().toMillis(),
                        config.grace().toMillis(), config.aggregateRetention().toMillis()), registry),
                Named.as("count-tenant-window"), STORE, WindowAggregateProcessor.PROGRESS_STORE);
        updates.map((window, update) -> {
                    TenantAggregate aggregate = update.counts().toAggregate(window.key(), window.window().startTime(),
                            window.window().endTime());
                    return KeyValue.pair(window.key(), update.correction() ? aggregate.asCorrection() : aggregate);
                }, Named.as("to-aggregate"))
                .to(config.topics().aggregates().name(), config.topics().aggregates().produced("sink-aggregates"));
        rollUp(builder, config, updates);
    }

    /** Hours and days from the closed minutes (the API's coarser steps), and each finished day to its topic. */
    private static void rollUp(StreamsBuilder builder, GatewatchConfig config,
                               KStream<Windowed<String>, WindowUpdate> closedMinutes) {
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(RollupProcessor.HOURS_STORE,
                config.api().hourRetention(), RollupProcessor.HOUR, false), Serdes.String(), GatewatchSerdes.WINDOW_COUNTS));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(RollupProcessor.DAYS_STORE,
                config.api().dayRetention(), RollupProcessor.DAY, false), Serdes.String(), GatewatchSerdes.WINDOW_COUNTS));
        closedMinutes.process(() -> new RollupProcessor(config.api().dayRetention()), Named.as("roll-up-hours-days"),
                        RollupProcessor.HOURS_STORE, RollupProcessor.DAYS_STORE, AlertStage.RECENT_ALERTS_STORE)
                .to(config.topics().aggregatesDaily().name(),
                        config.topics().aggregatesDaily().produced("sink-aggregates-daily"));
    }
}
