package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.InputEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
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
        builder.globalTable(config.topics().dynamicsOrgs(),
                Consumed.with(Serdes.String(), GatewatchSerdes.ORG).withName("source-dynamics-orgs"),
                Materialized.<String, io.gatewatch.schema.DynamicsOrg, KeyValueStore<Bytes, byte[]>>as(
                        ClassifyProcessor.ORGS_STORE).withKeySerde(Serdes.String()).withValueSerde(GatewatchSerdes.ORG));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ClassifyProcessor.LEARNED_STORE), Serdes.String(), Serdes.String()));
        KStream<String, ClassifiedEvent> classified = events.processValues(() -> new ClassifyProcessor(data),
                Named.as("classify"), ClassifyProcessor.LEARNED_STORE);
        if (config.emitClassified()) {
            classified.to(config.topics().classified(),
                    Produced.with(Serdes.String(), GatewatchSerdes.CLASSIFIED).withName("sink-classified"));
        }
        return classified;
    }
}
