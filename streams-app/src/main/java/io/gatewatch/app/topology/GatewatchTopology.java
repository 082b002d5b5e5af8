package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.state.DecodedMemory;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.diagnose.SignInSummary;
import io.gatewatch.diagnose.UserHistory;
import io.gatewatch.rules.watchlist.Watchlists;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.InputEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The whole topology, built by a pure function of the configuration:
 * ingest → (by-tenant repartition) → dedup → classify → { per-tenant aggregates, alerts }, and the
 * watchlists (global store) the alert rules ask.
 * Every processor, store and internal topic is named, and the build fails on an unnamed one,
 * so a code change can never silently orphan state.
 */
public final class GatewatchTopology {

    private GatewatchTopology() {
    }

    public static Topology build(GatewatchConfig config, ClassificationData data, MeterRegistry registry) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(StreamsSettings.of(config))));
        KStream<String, InputEvent> events = IngestStage.build(builder, config, registry);
        // one budget for the instance, cut into fixed shares per store (see DecodedMemory): windows and the
        // per-tenant values are read by every event of their entity and stay held; dedup marks only need the
        // seconds in flight. Sign-ins are appended (HistoryStage), never read back on the hot path: no share.
        DecodedMemory decoded = config.holdDecoded() ? new DecodedMemory(config.decodedMemoryBytes())
                : DecodedMemory.onKafkaCache(config.decodedMemoryBytes());
        KStream<String, InputEvent> unique = DedupStage.build(builder, config, events, registry,
                decoded.share(0.02).bindTo(registry, DedupProcessor.STORE));
        KStream<String, ClassifiedEvent> classified = ClassifyStage.build(builder, config, data, unique);
        AlertStage.addRecentAlertsStore(builder, config);
        AggregateStage.build(builder, config, classified, registry,
                decoded.share(0.05).bindTo(registry, AggregateStage.STORE));
        HistoryStage.build(builder, config, classified);
        // this topology's own lists: the configured files, then what the watchlist topic adds and removes
        Watchlists watchlists = config.rules().watchlists().copy();
        AlertStage.build(builder, config, config.rules().withWatchlists(watchlists), classified,
                decoded.share(0.88).bindTo(registry, AlertStage.WINDOWS_STORE),
                decoded.share(0.05).bindTo(registry, AlertStage.BASELINES_STORE));
        // last: sub-topologies are numbered in the order they are added, and existing tasks keep their ids
        WatchlistStage.build(builder, config, watchlists);
        return builder.build(StreamsSettings.of(config));
    }

    /** The window store of per-tenant counts, for interactive queries and the offline flush. */
    public static final String AGGREGATE_STORE = AggregateStage.STORE;
    /** Hour and day roll-ups of the closed minutes (window stores, key tenant). */
    public static final String HOURS_STORE = RollupProcessor.HOURS_STORE;
    public static final String DAYS_STORE = RollupProcessor.DAYS_STORE;
    /** Recent alerts per tenant (window store by the alert's last evidence, duplicates kept). */
    public static final String ALERTS_STORE = AlertStage.RECENT_ALERTS_STORE;
    /** The windowed rules' state, one record per entity (a user, an address, a tenant). */
    public static final String RULE_WINDOWS_STORE = AlertStage.WINDOWS_STORE;
    /** Provider-scoped alerts (CROSS_TENANT_SPRAY, when on), window store keyed by source address. */
    public static final String PROVIDER_ALERTS_STORE = ProviderStage.PROVIDER_ALERTS_STORE;
    /** Sign-ins per {@code tenant|user} (window store of {@code SignInSummary} at each sign-in's time). */
    public static final String HISTORY_STORE = HistoryStage.STORE;

    /** A user's history as the diagnosis reads it from {@link #HISTORY_STORE}. */
    public static UserHistory history(ReadOnlyWindowStore<String, SignInSummary> store, String tenant,
                                      String userPrincipalName) {
        return SignInLog.history(store, HistoryStage.key(tenant, userPrincipalName));
    }

    /** The one internal topic: decoded events keyed by tenant, in Smile ({@code GatewatchSerdes.INPUT_EVENT}). */
    public static String byTenantTopic(GatewatchConfig config) {
        return config.applicationId() + "-" + IngestStage.BY_TENANT + "-repartition";
    }

}
