package io.gatewatch.app.api;

import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.app.topology.StreamsSettings;
import io.gatewatch.classify.ClassificationData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The real topology in a TopologyTestDriver, fed tenant {@code t1}'s sign-ins, and the breakdown
 * answers its minute, hour and day stores give at a chosen "now": the API's view of what was fed.
 */
final class BreakdownDriver implements AutoCloseable {

    final GatewatchConfig config;
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> signIns;
    private int sequence;

    BreakdownDriver(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("application.id", "breakdown-test");
        values.put("bootstrap.servers", "unused:9092");
        values.put("processing.guarantee", "at_least_once");
        values.put("window.grace", "PT30S");
        values.put("event.max-future", "P3650D");
        values.putAll(overrides);
        config = ConfigLoader.build(values);
        driver = new TopologyTestDriver(GatewatchTopology.build(config, ClassificationData.defaults(),
                new SimpleMeterRegistry()), StreamsSettings.of(config), Instant.parse("2025-11-14T00:00:00Z"));
        signIns = driver.createInputTopic(config.topics().signinEvents().name(), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** A record as it comes, on the input topic. */
    void pipe(String json) {
        signIns.pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
    }

    /** One sign-in of tenant t1 from 203.0.113.7; {@code code} 0 is a success. */
    void signIn(String app, String user, int code, String city, String country, Instant time) {
        String json = "{\"id\":\"e" + sequence++ + "\",\"createdDateTime\":\"" + time + "\",\"resourceTenantId\":\"t1\","
                + "\"userPrincipalName\":\"" + user + "\",\"ipAddress\":\"203.0.113.7\",\"appDisplayName\":\"" + app
                + "\",\"location\":{\"city\":\"" + city + "\",\"countryOrRegion\":\"" + country + "\"},"
                + "\"status\":{\"errorCode\":" + code + "}}";
        signIns.pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
    }

    BreakdownAnswers answers(Instant now) {
        ReadOnlyWindowStore<String, TenantWindowCounts> minutes = driver.getWindowStore(GatewatchTopology.AGGREGATE_STORE);
        ReadOnlyWindowStore<String, TenantWindowCounts> hours = driver.getWindowStore(GatewatchTopology.HOURS_STORE);
        ReadOnlyWindowStore<String, TenantWindowCounts> days = driver.getWindowStore(GatewatchTopology.DAYS_STORE);
        Map<String, ReadOnlyWindowStore<String, TenantWindowCounts>> stores = Map.of(GatewatchTopology.AGGREGATE_STORE,
                minutes, GatewatchTopology.HOURS_STORE, hours, GatewatchTopology.DAYS_STORE, days);
        return new BreakdownAnswers(new BreakdownQuery(stores::get, config.windowSize(), config.aggregateRetention(),
                config.api().hourRetention(), Clock.fixed(now, ZoneOffset.UTC)),
                new TenantDisplayNames(config.api().tenantNames(), stores::get, Clock.fixed(now, ZoneOffset.UTC))::nameOf);
    }

    @Override
    public void close() {
        driver.close();
    }
}
