package io.gatewatch.app.topology;

import io.gatewatch.rules.AlertFactory;
import io.gatewatch.rules.windowed.EntityWindow;
import io.gatewatch.rules.windowed.Finding;
import io.gatewatch.rules.windowed.WindowedRule;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.ClassifiedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the windowed rules: each (rule, entity) has a sliding {@link EntityWindow} in
 * {@code rule-windows}. An observation older than its window's newest event by more than the
 * grace period is late and ignored; a finding raises an alert unless the entity is suppressed,
 * and an escalation raises one more that references the first. Windows idle for longer than
 * their span plus grace are purged.
 */
final class WindowedRuleProcessor implements FixedKeyProcessor<String, ClassifiedEvent, Alert> {

    static final String STORE = "rule-windows";
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
    private static final long LONGEST_WINDOW_MS = Duration.ofHours(48).toMillis();

    private final List<WindowedRule> rules;
    private final long graceMs;
    private FixedKeyProcessorContext<String, Alert> context;
    private KeyValueStore<String, EntityWindow> windows;

    WindowedRuleProcessor(List<WindowedRule> rules, Duration grace) {
        this.rules = rules;
        this.graceMs = grace.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.windows = context.getStateStore(STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.STREAM_TIME, this::purgeIdle);
    }

    @Override
    public void process(FixedKeyRecord<String, ClassifiedEvent> record) {
        for (WindowedRule rule : rules) {
            for (WindowedRule.Keyed keyed : rule.observe(record.value())) {
                String key = rule.name() + "|" + record.key() + "|" + keyed.entityType() + "|" + keyed.entityValue();
                EntityWindow stored = windows.get(key);
                if (stored == null && !keyed.opensWindow()) {
                    continue;
                }
                EntityWindow window = stored == null ? new EntityWindow() : stored;
                if (keyed.observation().timeMs() < window.maxTimeMs - graceMs) {
                    continue;
                }
                window.add(keyed.observation(), rule.window().toMillis(), rule.cap());
                rule.evaluate(window, keyed.observation()).ifPresent(finding ->
                        raise(rule, window, finding, record, new AlertEntity(keyed.entityType(), keyed.entityValue())));
                windows.put(key, window);
            }
        }
    }

    private void raise(WindowedRule rule, EntityWindow window, Finding finding,
                       FixedKeyRecord<String, ClassifiedEvent> record, AlertEntity entity) {
        long time = finding.evidence().get(finding.evidence().size() - 1).timeMs();
        if (!finding.escalation() && window.suppressedAt(time)) {
            return;
        }
        Instant detectedAt = Instant.ofEpochMilli(Math.max(context.currentSystemTimeMs(), record.timestamp()));
        Alert alert = AlertFactory.fromFinding(finding, record.key(), entity, rule.window(),
                record.value().classification().remediation(), detectedAt,
                finding.escalation() ? window.lastAlertId : null);
        if (finding.escalation()) {
            window.escalated = true;
        } else {
            window.suppressedUntilMs = time + rule.suppression().toMillis();
            window.lastAlertId = alert.alertId();
            window.lastAlertTimeMs = time;
            window.escalated = false;
        }
        context.forward(record.withValue(alert));
    }

    private void purgeIdle(long streamTime) {
        try (KeyValueIterator<String, EntityWindow> all = windows.all()) {
            while (all.hasNext()) {
                KeyValue<String, EntityWindow> entry = all.next();
                if (entry.value.maxTimeMs < streamTime - LONGEST_WINDOW_MS - graceMs
                        && entry.value.suppressedUntilMs < streamTime) {
                    windows.delete(entry.key);
                }
            }
        }
    }

}
