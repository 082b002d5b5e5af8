package io.gatewatch.app.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.app.topology.StreamsSettings;
import io.gatewatch.classify.ClassificationData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamsInternalTopicsTest {

    @ParameterizedTest
    // the topics' names set the order a hash map visits them in: the chain must not depend on it
    @ValueSource(strings = {"sizing", "api-it", "gatewatch", "a", "z-app"})
    void aRepartitionTopicFedFromAnotherIsSizedFromItWhateverOrderTheyComeIn(String applicationId) {
        // CROSS_TENANT_SPRAY re-keys by address what the by-tenant repartition topic delivered: a chain
        GatewatchConfig config = ConfigLoader.build(Map.of("bootstrap.servers", "localhost:9092",
                "application.id", applicationId, "rule.CROSS_TENANT_SPRAY.enabled", "true"));
        Map<String, Integer> inputs = Map.of(config.topics().signinEvents().name(), 6);

        List<StreamsInternalTopics.Topic> topics = StreamsInternalTopics.of(
                GatewatchTopology.build(config, ClassificationData.defaults(), new SimpleMeterRegistry()),
                new StreamsConfig(StreamsSettings.of(config)), input -> inputs.getOrDefault(input, 3));

        List<StreamsInternalTopics.Topic> repartition = topics.stream()
                .filter(topic -> topic.name().endsWith("-repartition")).toList();
        assertThat(repartition).as("the by-tenant topic and the provider's by-address one").hasSizeGreaterThan(1);
        assertThat(repartition).allSatisfy(topic -> assertThat(topic.partitions())
                .as(topic.name() + ": sized by the input it comes from").isEqualTo(6));
        assertThat(topics).filteredOn(topic -> topic.name().endsWith("-changelog"))
                .allSatisfy(topic -> assertThat(topic.partitions()).isEqualTo(6));
    }
}
