package io.gatewatch.app.topology;

import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.schema.ClassifiedEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Per-tenant aggregates: classified events keyed by tenant → one {@code TenantAggregate} per tenant
 * per closed tumbling window on {@code signin-aggregates} (key tenant). The window closes at
 * window end + grace in event time; suppression makes the emitted record the final one. The
 * window store {@code tenant-window-counts} keeps windows for {@code aggregate.retention} for
 * interactive queries. Already keyed by tenant, so grouping adds no repartition topic. Closed
 * minutes roll up into hours and days ({@link RollupProcessor}) for the API's coarser steps.
 */
final class AggregateStage {

    static final String STORE = "tenant-window-counts";

    private AggregateStage() {
    }

    static void build(StreamsBuilder builder, GatewatchConfig config, KStream<String, ClassifiedEvent> classified) {
        KStream<Windowed<String>, TenantWindowCounts> closed = classified.groupByKey(Grouped.with("by-tenant-grouped", Serdes.String(), GatewatchSerdes.CLASSIFIED))
                .windowedBy(TimeWindows.ofSizeAndGrace(config.windowSize(), config.grace()))
                .aggregate(TenantWindowCounts::new, (tenant, event, counts) -> counts.add(event),
                        Named.as("count-tenant-window"),
                        Materialized.<String, TenantWindowCounts, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(GatewatchSerdes.WINDOW_COUNTS)
                                .withRetention(config.aggregateRetention()))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName("final-window"))
                .toStream(Named.as("closed-windows"));
        closed.map((window, counts) -> KeyValue.pair(window.key(), counts.toAggregate(window.key(),
                        window.window().startTime(), window.window().endTime())), Named.as("to-aggregate"))
                .to(config.topics().aggregates().name(), config.topics().aggregates().produced("sink-aggregates"));
        rollUp(builder, config, closed);
    }

    /** Hours and days from the closed minutes (the API's coarser steps), and each finished day to its topic. */
    private static void rollUp(StreamsBuilder builder, GatewatchConfig config,
                               KStream<Windowed<String>, TenantWindowCounts> closedMinutes) {
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(RollupProcessor.HOURS_STORE,
                config.api().hourRetention(), RollupProcessor.HOUR, false), Serdes.String(), GatewatchSerdes.WINDOW_COUNTS));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(RollupProcessor.DAYS_STORE,
                config.api().dayRetention(), RollupProcessor.DAY, false), Serdes.String(), GatewatchSerdes.WINDOW_COUNTS));
        closedMinutes.process(() -> new RollupProcessor(config.api().dayRetention()), Named.as("roll-up-hours-days"),
                        RollupProcessor.HOURS_STORE, RollupProcessor.DAYS_STORE)
                .to(config.topics().aggregatesDaily().name(),
                        config.topics().aggregatesDaily().produced("sink-aggregates-daily"));
    }
}
