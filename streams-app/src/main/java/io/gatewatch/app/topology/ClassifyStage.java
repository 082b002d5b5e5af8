package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.config.Topic;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DynamicsOrg;
import io.gatewatch.schema.InputEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Classify: deduplicated events keyed by tenant → {@link ClassifiedEvent}s keyed by tenant, also
 * written to {@code signin-classified} when {@code emit.classified} is on. Reads the
 * {@code dynamics-orgs} topic (key org name, value {@code {orgName, tenantId, regionHost}},
 * compacted) as a global table.
 */
final class ClassifyStage {

    private ClassifyStage() {
    }

    static KStream<String, ClassifiedEvent> build(StreamsBuilder builder, GatewatchConfig config,
                                                  ClassificationData data, KStream<String, InputEvent> events) {
        Topic<String, DynamicsOrg> orgs = config.topics().dynamicsOrgs();
        builder.globalTable(orgs.name(), orgs.consumed("source-dynamics-orgs"),
                Materialized.<String, DynamicsOrg, KeyValueStore<Bytes, byte[]>>as(ClassifyProcessor.ORGS_STORE)
                        .withKeySerde(orgs.keySerde()).withValueSerde(orgs.valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ClassifyProcessor.LEARNED_STORE), Serdes.String(), Serdes.String()));
        KStream<String, ClassifiedEvent> classified = events.processValues(() -> new ClassifyProcessor(data),
                Named.as("classify"), ClassifyProcessor.LEARNED_STORE);
        if (config.emitClassified()) {
            classified.to(config.topics().classified().name(), config.topics().classified().produced("sink-classified"));
        }
        return classified;
    }
}
