package io.gatewatch.cli;

import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.topology.GatewatchSerdes;
import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.app.topology.StreamsSettings;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.DynamicsOrg;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.TenantAggregate;
import io.gatewatch.schema.read.JsonMappers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
 * The streaming topology run offline over exported logs: the very topology {@code run} deploys,
 * driven by Kafka Streams' TopologyTestDriver (no broker), fed Gatewatch's canonical event JSON.
 * The driver's wall clock stands still, so the same input always gives the same output.
 * {@link #finish} emits the windows still open at end of input, each window exactly once.
 */
final class OfflineTopology implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final TestInputTopic<byte[], byte[]> signIns;
    private final TestInputTopic<byte[], byte[]> dynamics;
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
        signIns = driver.createInputTopic(config.topics().signinEvents(), new ByteArraySerializer(), new ByteArraySerializer());
        dynamics = driver.createInputTopic(config.topics().dynamicsAccess(), new ByteArraySerializer(), new ByteArraySerializer());
        orgs = driver.createInputTopic(config.topics().dynamicsOrgs(), new StringSerializer(), GatewatchSerdes.ORG.serializer());
        alerts = driver.createOutputTopic(config.topics().alerts(), new StringDeserializer(), GatewatchSerdes.ALERT.deserializer());
        aggregates = driver.createOutputTopic(config.topics().aggregates(), new StringDeserializer(),
                GatewatchSerdes.AGGREGATE.deserializer());
    }

    void org(DynamicsOrg org) {
        orgs.pipeInput(org.orgName(), org);
    }

    /** Feeds one event and hands on whatever alerts and closed windows it produced, in order. */
    void process(InputEvent event, Consumer<Object> output) {
        byte[] json;
        try {
            json = JsonMappers.internal().writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        (event instanceof DynamicsAccessEvent ? dynamics : signIns).pipeInput(null, json, event.createdDateTime());
        alerts.readValuesToList().forEach(output);
        for (TenantAggregate aggregate : aggregates.readValuesToList()) {
            emittedWindows.add(aggregate.tenantId() + "@" + aggregate.windowStart());
            output.accept(aggregate);
        }
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
