package io.gatewatch.cli;

import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.config.Topics;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.app.topology.StreamsSettings;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.DynamicsOrg;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.TenantAggregate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The very topology {@code run} deploys, driven by Kafka Streams' TopologyTestDriver over decoded
 * events (they enter where decoded events enter in the cluster, the by-tenant topic): the
 * reference {@code analyze}'s direct engine is held to ({@code OfflineEquivalenceTest}). The
 * driver's wall clock stands still, so the same input always gives the same output. At the end,
 * the windows still open are emitted, each exactly once.
 */
final class OfflineTopology implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final TestInputTopic<String, InputEvent> byTenant;
    private final TestInputTopic<String, DynamicsOrg> orgs;
    private final TestOutputTopic<String, Alert> alerts;
    private final TestOutputTopic<String, TenantAggregate> aggregates;
    private final Set<String> emittedWindows = new HashSet<>();

    OfflineTopology(GatewatchConfig config) throws IOException {
        stateDir = Files.createTempDirectory("gatewatch-analyze-");
        Properties props = StreamsSettings.of(config);
        props.put("state.dir", stateDir.toString());
        driver = new TopologyTestDriver(GatewatchTopology.build(config, ClassificationData.defaults(),
                new SimpleMeterRegistry()), props, Instant.EPOCH);
        Topics topics = config.topics();
        byTenant = driver.createInputTopic(GatewatchTopology.byTenantTopic(config), new StringSerializer(),
                GatewatchSerdes.INPUT_EVENT.serializer());
        orgs = driver.createInputTopic(topics.dynamicsOrgs().name(), topics.dynamicsOrgs().keySerde().serializer(),
                topics.dynamicsOrgs().valueSerde().serializer());
        alerts = driver.createOutputTopic(topics.alerts().name(), topics.alerts().keySerde().deserializer(),
                topics.alerts().valueSerde().deserializer());
        aggregates = driver.createOutputTopic(topics.aggregates().name(), topics.aggregates().keySerde().deserializer(),
                topics.aggregates().valueSerde().deserializer());
    }

    /** Feeds one event and hands on whatever alerts and closed windows it produced, in order. */
    void process(InputEvent event, Consumer<Object> output) {
        byTenant.pipeInput(event.tenantId(), event, event.createdDateTime());
        alerts.readValuesToList().forEach(output);
        for (TenantAggregate aggregate : aggregates.readValuesToList()) {
            emittedWindows.add(aggregate.tenantId() + "@" + aggregate.windowStart());
            output.accept(aggregate);
        }
    }

    /** How many entities the windowed rules keep state for (the {@code rule-windows} store). */
    long ruleWindowEntries() {
        long entries = 0;
        try (KeyValueIterator<String, Object> all = driver.<String, Object>getKeyValueStore(GatewatchTopology.RULE_WINDOWS_STORE).all()) {
            while (all.hasNext()) {
                all.next();
                entries++;
            }
        }
        return entries;
    }

    /** End of input: every window not yet emitted is closed now, oldest first. */
    void finish(Consumer<Object> output) {
        WindowStore<String, ValueAndTimestamp<TenantWindowCounts>> store =
                driver.getTimestampedWindowStore(GatewatchTopology.AGGREGATE_STORE);
        List<TenantAggregate> open = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, ValueAndTimestamp<TenantWindowCounts>> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<Windowed<String>, ValueAndTimestamp<TenantWindowCounts>> window = all.next();
                String tenant = window.key.key();
                if (!emittedWindows.contains(tenant + "@" + window.key.window().startTime())) {
                    open.add(window.value.value().toAggregate(tenant, window.key.window().startTime(),
                            window.key.window().endTime()));
                }
            }
        }
        open.sort(Comparator.comparing(TenantAggregate::windowStart).thenComparing(TenantAggregate::tenantId));
        open.forEach(output);
    }

    @Override
    public void close() throws IOException {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
