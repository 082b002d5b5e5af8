package io.gatewatch.app.topology;

import io.gatewatch.rules.AlertFactory;
import io.gatewatch.rules.Detection;
import io.gatewatch.rules.EventRule;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the per-event rules and lets one alert through per incident: after an alert for a rule and
 * entity, further detections within the rule's suppression period (event time) are part of the
 * same incident. Suppression entries are purged once expired, so the store holds only live
 * incidents.
 */
final class AlertProcessor implements FixedKeyProcessor<String, ClassifiedEvent, Alert> {

    static final String SUPPRESSION_STORE = "alert-suppression";
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    private final List<EventRule> rules;
    private FixedKeyProcessorContext<String, Alert> context;
    private KeyValueStore<String, Long> suppressedUntil;

    AlertProcessor(List<EventRule> rules) {
        this.rules = rules;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.suppressedUntil = context.getStateStore(SUPPRESSION_STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.STREAM_TIME, this::purgeExpired);
    }

    @Override
    public void process(FixedKeyRecord<String, ClassifiedEvent> record) {
        for (EventRule rule : rules) {
            Optional<Detection> detection = rule.evaluate(record.value());
            if (detection.isEmpty()) {
                continue;
            }
            Detection d = detection.get();
            String incident = d.rule() + "|" + record.key() + "|" + d.entity().value();
            Long until = suppressedUntil.get(incident);
            if (until != null && record.timestamp() < until) {
                continue;
            }
            suppressedUntil.put(incident, record.timestamp() + d.suppression().toMillis());
            // offline replays run on a clock that stands still: detection time is then the event's own
            Instant detectedAt = Instant.ofEpochMilli(Math.max(context.currentSystemTimeMs(), record.timestamp()));
            Alert alert = AlertFactory.fromEvent(d, record.value(), detectedAt);
            context.forward(record.withValue(alert));
        }
    }

    private void purgeExpired(long streamTime) {
        try (KeyValueIterator<String, Long> all = suppressedUntil.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value < streamTime) {
                    suppressedUntil.delete(entry.key);
                }
            }
        }
    }
}
