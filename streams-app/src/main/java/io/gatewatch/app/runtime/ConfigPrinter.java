package io.gatewatch.app.runtime;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.config.SecretKeys;
import java.util.Map;
import java.util.TreeMap;

/** The effective configuration as text for the start-up log, secrets masked. */
public final class ConfigPrinter {

    private ConfigPrinter() {
    }

    public static String describe(GatewatchConfig config) {
        Map<String, String> kafka = new TreeMap<>();
        config.kafka().forEach((key, value) -> kafka.put(key, isSecret(key) ? SecretKeys.MASK : value));
        return "application.id=" + config.applicationId()
                + "\nprocessing.guarantee=" + (config.exactlyOnce() ? "exactly_once_v2" : "at_least_once")
                + "\ntopics=" + config.topics()
                + "\nwindow.size=" + config.windowSize() + " window.grace=" + config.grace()
                + " dedup.horizon=" + config.dedupHorizon() + " event.max-future=" + config.maxFuture()
                + " aggregate.retention=" + config.aggregateRetention()
                + "\nsuppressions=" + config.rules().suppressions()
                + "\nkafka=" + kafka;
    }

    /** Whether a key's value is masked ({@link SecretKeys#isSecret}). */
    public static boolean isSecret(String key) {
        return SecretKeys.isSecret(key);
    }
}
