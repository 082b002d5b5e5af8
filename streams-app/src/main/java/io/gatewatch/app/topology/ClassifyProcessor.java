package io.gatewatch.app.topology;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.classify.OrgLocations;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DynamicsOrg;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.state.StateView;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Classifies each event with the core's {@link EventClassifier}. Where a Dynamics org lives comes
 * from the {@code dynamics-orgs} directory (a global table: every instance sees every org) first,
 * else from the org's own successful requests ({@code learned-org-regions}, local to the tenant's
 * partition, so learning needs no repartition).
 */
final class ClassifyProcessor implements FixedKeyProcessor<String, InputEvent, ClassifiedEvent> {

    static final String ORGS_STORE = "dynamics-orgs-store";
    static final String LEARNED_STORE = "learned-org-regions";

    private final ClassificationData data;
    private FixedKeyProcessorContext<String, ClassifiedEvent> context;
    private EventClassifier classifier;

    ClassifyProcessor(ClassificationData data) {
        this.data = data;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ClassifiedEvent> context) {
        this.context = context;
        TimestampedKeyValueStore<String, DynamicsOrg> directory = context.getStateStore(ORGS_STORE);
        KeyValueStore<String, String> learned = context.getStateStore(LEARNED_STORE);
        this.classifier = new EventClassifier(data, new OrgLocations(org -> regionHost(directory.get(org)),
                StateView.of(learned::get, learned::put)));
    }

    @Override
    public void process(FixedKeyRecord<String, InputEvent> record) {
        InputEvent event = record.value();
        context.forward(record.withValue(new ClassifiedEvent(event, classifier.classify(event))));
    }

    private static String regionHost(ValueAndTimestamp<DynamicsOrg> entry) {
        return entry == null || entry.value() == null ? null : entry.value().regionHost();
    }
}
