package io.gatewatch.detect;

import io.gatewatch.aggregate.TenantWindows;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.rules.DetectionTime;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.InputEvent;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the streaming topology does to a file, with no Kafka: de-duplicate, classify, count per
 * tenant window, run every rule — in one pass over decoded events and in memory bounded by the
 * windows, rule state and the dedup horizon, not by the file. Outputs, in the topology's order
 * per event: its alerts, its window's correction if it came late, then the windows it closed; at the
 * end, the windows still open.
 * {@code OfflineEquivalenceTest} holds it to the topology's output on every scenario.
 */
public final class OfflineAnalyzer {

    /** The topology settings that shape offline results. */
    /** @param alertUpdateInterval as the topology's {@code alerts.update-interval}: growing incidents' updates */
    public record Settings(Duration windowSize, Duration grace, Duration aggregateRetention, Duration dedupHorizon,
                           RuleSettings rules, Duration alertUpdateInterval) {

        /** Without updates of open incidents: one alert per incident. */
        public Settings(Duration windowSize, Duration grace, Duration aggregateRetention, Duration dedupHorizon,
                        RuleSettings rules) {
            this(windowSize, grace, aggregateRetention, dedupHorizon, rules, Duration.ZERO);
        }
    }

    /** The streaming purges run every ten minutes of stream time; so does this one. */
    private static final long PURGE_INTERVAL_MS = Duration.ofMinutes(10).toMillis();

    private final RecentIds recentIds;
    private final EventClassifier classifier;
    private final TenantWindows windows;
    private final DetectionEngine engine;
    private final DetectionEngine.Memory memory = new DetectionEngine.Memory();
    private final DetectionEngine.State state = memory.state();
    private long nextPurge = Long.MIN_VALUE;
    private long duplicates;

    public OfflineAnalyzer(Settings settings, ClassificationData data, Map<String, String> orgToRegionHost) {
        this.recentIds = new RecentIds(settings.dedupHorizon().toMillis());
        this.classifier = EventClassifier.offline(data, orgToRegionHost);
        this.windows = new TenantWindows(settings.windowSize().toMillis(), settings.grace().toMillis(),
                settings.aggregateRetention().toMillis());
        this.engine = new DetectionEngine(settings.rules(), settings.grace(), settings.alertUpdateInterval());
    }

    /** Analyses one event; false when it carries no tenant (the topology dead-letters those). */
    public boolean process(InputEvent event, Consumer<Object> output) {
        String tenant = event.tenantId();
        if (tenant == null) {
            return false;
        }
        long time = event.createdDateTime().toEpochMilli();
        if (recentIds.seen(DedupIdentity.hash(tenant, event), time)) {
            duplicates++;
            return true;
        }
        ClassifiedEvent classified = new ClassifiedEvent(event, classifier.classify(event));
        engine.process(tenant, classified, state, DetectionTime.of(0, time)).forEach(output);
        windows.add(tenant, classified, time).ifPresent(output);
        windows.closed().forEach(output);
        purge(time);
        return true;
    }

    /** End of input: the windows still open, each once. */
    public void finish(Consumer<Object> output) {
        windows.finish().forEach(output);
    }

    /** The rule state, for tests that check the rules saw what they were meant to. */
    DetectionEngine.Memory memory() {
        return memory;
    }

    public long duplicates() {
        return duplicates;
    }

    /** Events older than the aggregate retention behind stream time: left out of the aggregates. */
    public long lateDropped() {
        return windows.dropped();
    }

    private void purge(long time) {
        if (nextPurge == Long.MIN_VALUE) {
            nextPurge = time + PURGE_INTERVAL_MS;
        } else if (time >= nextPurge) {
            engine.purge(memory, time);
            nextPurge = time + PURGE_INTERVAL_MS;
        }
    }
}
