package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.state.DecodedMemory;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.InputEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The whole topology, built by a pure function of the configuration:
 * ingest → (by-tenant repartition) → dedup → classify → { per-tenant aggregates, alerts }.
 * Every processor, store and internal topic is named, and the build fails on an unnamed one,
 * so a code change can never silently orphan state.
 */
public final class GatewatchTopology {

    private GatewatchTopology() {
    }

    public static Topology build(GatewatchConfig config, ClassificationData data, MeterRegistry registry) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(StreamsSettings.of(config))));
        KStream<String, InputEvent> events = IngestStage.build(builder, config, registry);
        KStream<String, InputEvent> unique = DedupStage.build(builder, config, events, registry);
        KStream<String, ClassifiedEvent> classified = ClassifyStage.build(builder, config, data, unique);
        // one budget for the instance, cut into fixed shares per store (see DecodedMemory). Histories get
        // only enough to carry a commit's updates: a user's next sign-in is seconds away, so holding
        // histories longer served few reads (a third at the bench's 20,000 users) while the collector
        // moved each one into the old generation and out again — a GC thread's worth of CPU. Windows and
        // the per-tenant values are read by every event of their entity and stay held.
        DecodedMemory decoded = new DecodedMemory(config.decodedMemoryBytes());
        AggregateStage.build(builder, config, classified, registry,
                decoded.share(0.05).bindTo(registry, AggregateStage.STORE));
        HistoryStage.build(builder, config, classified, decoded.share(0.02).bindTo(registry, HistoryStage.STORE));
        AlertStage.build(builder, config, classified, decoded.share(0.88).bindTo(registry, AlertStage.WINDOWS_STORE),
                decoded.share(0.05).bindTo(registry, AlertStage.BASELINES_STORE));
        return builder.build(StreamsSettings.of(config));
    }

    /** The window store of per-tenant counts, for interactive queries and the offline flush. */
    public static final String AGGREGATE_STORE = AggregateStage.STORE;
    /** Hour and day roll-ups of the closed minutes (window stores, key tenant). */
    public static final String HOURS_STORE = RollupProcessor.HOURS_STORE;
    public static final String DAYS_STORE = RollupProcessor.DAYS_STORE;
    /** Recent alerts per tenant (window store by the alert's last evidence, duplicates kept). */
    public static final String ALERTS_STORE = AlertStage.RECENT_ALERTS_STORE;
    /** Provider-scoped alerts (CROSS_TENANT_SPRAY, when on), window store keyed by source address. */
    public static final String PROVIDER_ALERTS_STORE = ProviderStage.PROVIDER_ALERTS_STORE;
    /** Recent sign-ins per {@code tenant|user} (key-value store of {@code UserHistory}). */
    public static final String HISTORY_STORE = HistoryStage.STORE;

    /** The key of a user's history in {@link #HISTORY_STORE}. */
    public static String historyKey(String tenant, String userPrincipalName) {
        return HistoryStage.key(tenant, userPrincipalName);
    }

    /** The one internal topic: decoded events keyed by tenant, in Smile ({@code GatewatchSerdes.INPUT_EVENT}). */
    public static String byTenantTopic(GatewatchConfig config) {
        return config.applicationId() + "-" + IngestStage.BY_TENANT + "-repartition";
    }

}
