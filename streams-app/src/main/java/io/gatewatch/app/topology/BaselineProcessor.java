package io.gatewatch.app.topology;

import io.gatewatch.rules.DetectionTime;
import io.gatewatch.rules.baseline.BaselineRules;
import io.gatewatch.rules.baseline.TenantBaseline;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps each tenant's {@link TenantBaseline} in {@code tenant-baselines} and alerts on spikes. */
final class BaselineProcessor implements FixedKeyProcessor<String, ClassifiedEvent, Alert> {

    static final String STORE = "tenant-baselines";

    private final BaselineRules rules;
    private FixedKeyProcessorContext<String, Alert> context;
    private KeyValueStore<String, TenantBaseline> baselines;

    BaselineProcessor(BaselineRules rules) {
        this.rules = rules;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.baselines = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ClassifiedEvent> record) {
        TenantBaseline baseline = baselines.get(record.key());
        baseline = baseline == null ? new TenantBaseline() : baseline;
        var alerts = rules.process(record.key(), baseline, record.value(),
                DetectionTime.of(context.currentSystemTimeMs(), record.timestamp()));
        baselines.put(record.key(), baseline);
        alerts.forEach(alert -> context.forward(record.withValue(alert)));
    }
}
