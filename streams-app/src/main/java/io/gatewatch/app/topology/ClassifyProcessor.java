package io.gatewatch.app.topology;

import io.gatewatch.classify.EventClassifier;
import io.gatewatch.classify.OrgDirectory;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.DynamicsOrg;
import io.gatewatch.schema.InputEvent;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Classifies each event. A Dynamics access is judged against where its org lives: the
 * {@code dynamics-orgs} directory (a global table: every instance sees every org) first, else the
 * region learned from the org's own successful requests ({@code learned-org-regions}, local to
 * the tenant's partition, so learning needs no repartition).
 */
final class ClassifyProcessor implements FixedKeyProcessor<String, InputEvent, ClassifiedEvent>, OrgDirectory {

    static final String ORGS_STORE = "dynamics-orgs-store";
    static final String LEARNED_STORE = "learned-org-regions";

    private final EventClassifier classifier;
    private FixedKeyProcessorContext<String, ClassifiedEvent> context;
    private TimestampedKeyValueStore<String, DynamicsOrg> directory;
    private KeyValueStore<String, String> learned;
    private String tenant;

    ClassifyProcessor(EventClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ClassifiedEvent> context) {
        this.context = context;
        this.directory = context.getStateStore(ORGS_STORE);
        this.learned = context.getStateStore(LEARNED_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, InputEvent> record) {
        tenant = record.key();
        InputEvent event = record.value();
        Classification classification = classifier.classify(event, this);
        if (event instanceof DynamicsAccessEvent access && classification.category() == Category.SUCCESS) {
            classifier.dynamics().orgOf(access)
                    .ifPresent(url -> learned.put(learnedKey(url.orgName()), url.regionHost()));
        }
        context.forward(record.withValue(new ClassifiedEvent(event, classification)));
    }

    @Override
    public Optional<String> regionHostOf(String orgName) {
        ValueAndTimestamp<DynamicsOrg> configured = directory.get(orgName);
        if (configured != null && configured.value() != null) {
            return Optional.of(configured.value().regionHost());
        }
        return Optional.ofNullable(learned.get(learnedKey(orgName)));
    }

    private String learnedKey(String orgName) {
        return tenant + "|" + orgName;
    }

}
