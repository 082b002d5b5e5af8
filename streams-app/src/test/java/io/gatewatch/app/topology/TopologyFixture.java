package io.gatewatch.app.topology;

import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.DynamicsOrg;
import io.gatewatch.schema.TenantAggregate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The whole topology in a TopologyTestDriver, with typed handles on every topic. */
final class TopologyFixture implements AutoCloseable {

    static final Instant WALL_CLOCK = Instant.parse("2025-11-14T00:00:00Z");

    final GatewatchConfig config;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> signIns;
    final TestInputTopic<byte[], byte[]> dynamics;
    final TestInputTopic<String, DynamicsOrg> orgs;
    final TestOutputTopic<String, Alert> alerts;
    final TestOutputTopic<String, TenantAggregate> aggregates;
    final TestOutputTopic<byte[], byte[]> deadLetters;

    TopologyFixture(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("application.id", "gatewatch-test");
        values.put("bootstrap.servers", "unused:9092");
        values.put("processing.guarantee", "at_least_once");
        values.put("window.grace", "PT30S");
        // the driver's wall clock stands at WALL_CLOCK, hours before the test events
        values.put("event.max-future", "P3650D");
        values.putAll(overrides);
        config = ConfigLoader.build(values);
        driver = new TopologyTestDriver(GatewatchTopology.build(config, ClassificationData.defaults(), registry),
                StreamsSettings.of(config), WALL_CLOCK);
        signIns = driver.createInputTopic(config.topics().signinEvents().name(), new ByteArraySerializer(), new ByteArraySerializer());
        dynamics = driver.createInputTopic(config.topics().dynamicsAccess().name(), new ByteArraySerializer(), new ByteArraySerializer());
        orgs = driver.createInputTopic(config.topics().dynamicsOrgs().name(), new StringSerializer(),
                GatewatchSerdes.ORG.serializer());
        alerts = driver.createOutputTopic(config.topics().alerts().name(), new StringDeserializer(), GatewatchSerdes.ALERT.deserializer());
        aggregates = driver.createOutputTopic(config.topics().aggregates().name(), new StringDeserializer(),
                GatewatchSerdes.AGGREGATE.deserializer());
        deadLetters = driver.createOutputTopic(config.topics().deadLetter().name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    TopologyFixture() {
        this(Map.of());
    }

    void signIn(String json) {
        signIns.pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
    }

    void access(String json) {
        dynamics.pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        driver.close();
    }
}
