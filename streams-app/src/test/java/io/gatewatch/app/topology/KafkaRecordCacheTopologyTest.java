package io.gatewatch.app.topology;

import java.util.Map;

/**
 * Every topology test again with {@code state.cache=kafka}: the same stores built on Kafka Streams'
 * record cache instead of values held decoded — the fallback must compute exactly what the default does.
 */
class KafkaRecordCacheTopologyTest extends GatewatchTopologyTest {

    @Override
    TopologyFixture fixture() {
        return new TopologyFixture(Map.of("state.cache", "kafka"));
    }
}
