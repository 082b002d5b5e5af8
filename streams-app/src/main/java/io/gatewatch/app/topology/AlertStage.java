package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.app.state.DecodedMemory;
import io.gatewatch.app.state.DecodedStores;
import io.gatewatch.rules.EventRuleEngine;
import io.gatewatch.rules.PerEventRules;
import io.gatewatch.rules.RuleEngine;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.baseline.BaselineRules;
import io.gatewatch.rules.windowed.EntityWindow;
import io.gatewatch.rules.windowed.EntityWindows;
import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.windowed.WindowedRuleEngine;
import io.gatewatch.rules.windowed.WindowedRules;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.ocsf.OcsfDetectionFinding;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Alerts: classified events keyed by tenant → {@code Alert}s keyed by tenant on
 * {@code signin-alerts}, one per incident, from the core's three rule families, each with its own
 * processor and store: per-event rules ({@code alert-suppression}: incident ends), windowed rules
 * ({@code rule-windows}: sliding windows per entity) and baselines ({@code tenant-baselines}). Every
 * alert is also kept in {@code recent-alerts} for {@code alerts.retention}, for the API, and written
 * in the {@code alerts.format} asked for: Gatewatch's JSON, OCSF Detection Findings, or both.
 */
final class AlertStage {

    static final String SUPPRESSION_STORE = "alert-suppression";
    static final String WINDOWS_STORE = "rule-windows";
    static final String BASELINES_STORE = "tenant-baselines";
    static final String RECENT_ALERTS_STORE = "recent-alerts";

    /** Heap of a decoded observation's object and list slot, and of its share of a text it names. */
    private static final long OBSERVATION_BYTES = 64;
    private static final long TEXT_SHARE_BYTES = 24;
    private static final long BASELINE_BYTES = 1024;

    private AlertStage() {
    }

    /**
     * The {@code recent-alerts} store, added before the stages that read it: the day roll-up counts a
     * finished day's alerts from it, and the DSL connects a processor only to stores added before it.
     */
    static void addRecentAlertsStore(StreamsBuilder builder, GatewatchConfig config) {
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(RECENT_ALERTS_STORE,
                config.api().alertsRetention(), Duration.ofMillis(1), true), Serdes.String(), GatewatchSerdes.ALERT));
    }

    /** @param rules the configuration's rule settings over this topology's own, live watchlists */
    static void build(StreamsBuilder builder, GatewatchConfig config, RuleSettings rules,
                      KStream<String, ClassifiedEvent> classified, DecodedMemory windowsMemory,
                      DecodedMemory baselinesMemory) {
        KStream<String, Alert> perEvent = detect(builder, classified, "detect-per-event", store(SUPPRESSION_STORE,
                Serdes.Long()), () -> new EventRuleEngine(PerEventRules.all(rules), rules));
        KStream<String, Alert> windowed = detect(builder, classified, "detect-windowed",
                decoded(WINDOWS_STORE, GatewatchSerdes.ENTITY_WINDOWS, windowsMemory, AlertStage::weight),
                () -> new WindowedRuleEngine(WindowedRules.all(rules), config.grace(), rules, config.alertUpdateInterval()));
        // every event updates its tenant's baseline: held decoded, one changelog record per key and commit
        KStream<String, Alert> spikes = detect(builder, classified, "detect-baseline-spikes",
                decoded(BASELINES_STORE, GatewatchSerdes.BASELINE, baselinesMemory, baseline -> BASELINE_BYTES),
                () -> new BaselineRules(config.rules()));
        write(perEvent.merge(windowed, Named.as("merge-alerts"))
                .merge(spikes, Named.as("merge-spike-alerts"))
                .processValues(RecentAlerts::new, Named.as("remember-alerts"), RECENT_ALERTS_STORE), config, "");
        // after the windowed rules: it reads the tenant's spray windows as they stand after this event
        ProviderStage.build(builder, config, classified);
    }

    /** Writes alerts in the configured format(s); {@code prefix} keeps sink names apart. */
    static void write(KStream<String, Alert> alerts, GatewatchConfig config, String prefix) {
        if (config.alertFormat().gatewatch()) {
            alerts.to(config.topics().alerts().name(), config.topics().alerts().produced("sink-" + prefix + "alerts"));
        }
        if (config.alertFormat().ocsf()) {
            alerts.mapValues(OcsfDetectionFinding::of, Named.as(prefix + "alerts-as-ocsf"))
                    .to(config.topics().alertsOcsf().name(),
                            config.topics().alertsOcsf().produced("sink-" + prefix + "alerts-ocsf"));
        }
    }

    /** Keeps every alert in {@code recent-alerts}, by tenant and time of its last evidence, for the API. */
    private static final class RecentAlerts implements FixedKeyProcessor<String, Alert, Alert> {

        private FixedKeyProcessorContext<String, Alert> context;
        private WindowStore<String, Alert> alerts;

        @Override
        public void init(FixedKeyProcessorContext<String, Alert> context) {
            this.context = context;
            this.alerts = context.getStateStore(RECENT_ALERTS_STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, Alert> record) {
            alerts.put(record.key(), record.value(), record.value().lastSeen().toEpochMilli());
            context.forward(record);
        }
    }

    private static <S> StoreBuilder<KeyValueStore<String, S>> store(String name, Serde<S> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }

    /** A store whose values stay decoded between commits: read and written by most events. */
    private static <S> StoreBuilder<KeyValueStore<String, S>> decoded(String name, Serde<S> values,
                                                                     DecodedMemory memory, ToLongFunction<S> weigher) {
        return DecodedStores.keyValue(Stores.persistentKeyValueStore(name), Serdes.String(), values, memory, weigher);
    }

    private static long weight(EntityWindows windows) {
        long bytes = 0;
        for (EntityWindow window : windows.byRule().values()) {
            bytes += 200;
            for (Observation observation : window.observations()) {
                bytes += weight(observation);
            }
        }
        return bytes;
    }

    /**
     * Heap a decoded observation takes, about: the object, a share of each text it names (a
     * record's texts are read once per record and shared between its observations — a user's
     * name, address and place recur in all of them), and its correlation id, which is its own.
     * The slim observations of the rules that keep something for every user (a country, a
     * network) weigh a third of a full one, so the held values cover as many users as they hold.
     */
    private static long weight(Observation o) {
        long bytes = OBSERVATION_BYTES;
        bytes += o.user() == null ? 0 : TEXT_SHARE_BYTES;
        bytes += o.ip() == null ? 0 : TEXT_SHARE_BYTES;
        bytes += o.app() == null ? 0 : TEXT_SHARE_BYTES;
        bytes += o.location() == null ? 0 : TEXT_SHARE_BYTES;
        return bytes + (o.correlationId() == null ? 0 : 40 + o.correlationId().length());
    }

    private static <S> KStream<String, Alert> detect(StreamsBuilder builder, KStream<String, ClassifiedEvent> classified,
                                                     String processorName, StoreBuilder<KeyValueStore<String, S>> store,
                                                     Supplier<RuleEngine<S>> engine) {
        builder.addStateStore(store);
        return classified.processValues(() -> new RuleProcessor<>(store.name(), engine.get()), Named.as(processorName),
                store.name());
    }
}
