package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.rules.DetectionTime;
import io.gatewatch.rules.windowed.AddressFailure;
import io.gatewatch.rules.exceptions.ExceptionList;
import io.gatewatch.rules.windowed.AddressFailures;
import io.gatewatch.rules.windowed.CrossTenantSprayRule;
import io.gatewatch.rules.windowed.EntityWindows;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.state.StateView;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The provider's view across tenants, built only when CROSS_TENANT_SPRAY is switched on: each
 * tenant's credential failures, judged against the tenant's own spray window, are re-keyed by
 * source address through a second repartition ({@value #BY_ADDRESS}) and counted per address in
 * {@value #ADDRESS_STORE}. Its alerts carry tenant "provider"; {@value #PROVIDER_ALERTS_STORE}
 * keeps them for the admin-only {@code /api/v1/provider/alerts}.
 */
final class ProviderStage {

    static final String BY_ADDRESS = "by-address";
    static final String ADDRESS_STORE = "address-windows";
    static final String PROVIDER_ALERTS_STORE = "provider-alerts";

    private ProviderStage() {
    }

    static void build(StreamsBuilder builder, GatewatchConfig config, KStream<String, ClassifiedEvent> classified) {
        CrossTenantSprayRule rule = new CrossTenantSprayRule(config.rules());
        if (!rule.enabled()) {
            return;
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ADDRESS_STORE),
                Serdes.String(), GatewatchSerdes.ENTITY_WINDOWS));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(PROVIDER_ALERTS_STORE,
                config.api().alertsRetention(), Duration.ofMillis(1), true), Serdes.String(), GatewatchSerdes.ALERT));
        KStream<String, Alert> alerts = classified
                .processValues(() -> new SprayCodeFailures(config.rules().exceptions().forRule(CrossTenantSprayRule.NAME)),
                        Named.as("address-failures"), AlertStage.WINDOWS_STORE)
                .selectKey((tenant, failure) -> failure.ip(), Named.as("key-by-address"))
                .repartition(Repartitioned.<String, AddressFailure>as(BY_ADDRESS).withKeySerde(Serdes.String())
                        .withValueSerde(GatewatchSerdes.ADDRESS_FAILURE))
                .processValues(() -> new CrossTenantDetection(rule), Named.as("detect-cross-tenant"), ADDRESS_STORE,
                        PROVIDER_ALERTS_STORE)
                .selectKey((address, alert) -> CrossTenantSprayRule.PROVIDER, Named.as("key-by-provider"));
        AlertStage.write(alerts, config, "provider-");
    }

    /** A tenant's credential failure with the address's standing in that tenant; other events stop here. */
    private static final class SprayCodeFailures implements FixedKeyProcessor<String, ClassifiedEvent, AddressFailure> {

        private final ExceptionList exceptions;
        private FixedKeyProcessorContext<String, AddressFailure> context;
        private StateView<EntityWindows> windows;

        SprayCodeFailures(ExceptionList exceptions) {
            this.exceptions = exceptions;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, AddressFailure> context) {
            this.context = context;
            KeyValueStore<String, EntityWindows> store = context.getStateStore(AlertStage.WINDOWS_STORE);
            this.windows = StateView.of(store::get, (key, value) -> {
                throw new UnsupportedOperationException("the spray windows are read here, never written");
            });
        }

        @Override
        public void process(FixedKeyRecord<String, ClassifiedEvent> record) {
            if (exceptions.excepts(record.value())) {
                return; // an excepted failure never reaches the cross-tenant windows
            }
            AddressFailures.of(record.key(), record.value(), windows)
                    .ifPresent(failure -> context.forward(record.withValue(failure)));
        }
    }

    /** Counts failures per address across tenants; keeps every alert for the API. */
    private static final class CrossTenantDetection implements FixedKeyProcessor<String, AddressFailure, Alert> {

        private final CrossTenantSprayRule rule;
        private FixedKeyProcessorContext<String, Alert> context;
        private StateView<EntityWindows> addresses;
        private WindowStore<String, Alert> alerts;

        CrossTenantDetection(CrossTenantSprayRule rule) {
            this.rule = rule;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Alert> context) {
            this.context = context;
            KeyValueStore<String, EntityWindows> store = context.getStateStore(ADDRESS_STORE);
            this.addresses = StateView.of(store::get, store::put);
            this.alerts = context.getStateStore(PROVIDER_ALERTS_STORE);
            StorePurge.schedule(context, store, rule::expired);
        }

        @Override
        public void process(FixedKeyRecord<String, AddressFailure> record) {
            for (Alert alert : rule.process(record.value(), addresses,
                    DetectionTime.of(context.currentSystemTimeMs(), record.timestamp()))) {
                alerts.put(record.key(), alert, alert.lastSeen().toEpochMilli());
                context.forward(record.withValue(alert));
            }
        }
    }
}
