package io.gatewatch.app.runtime;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.rules.RuleKeys;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The effective configuration as text for the start-up log, secrets masked. */
public final class ConfigPrinter {

    private static final String[] SECRET_WORDS = {"password", "secret", "jaas", "token", "key"};

    private ConfigPrinter() {
    }

    public static String describe(GatewatchConfig config) {
        Map<String, String> kafka = new TreeMap<>();
        config.kafka().forEach((key, value) -> kafka.put(key, isSecret(key) ? "********" : value));
        return "application.id=" + config.applicationId()
                + "\nprocessing.guarantee=" + (config.exactlyOnce() ? "exactly_once_v2" : "at_least_once")
                + "\ntopics=" + config.topics()
                + "\nwindow.size=" + config.windowSize() + " window.grace=" + config.grace()
                + " dedup.horizon=" + config.dedupHorizon() + " event.max-future=" + config.maxFuture()
                + " aggregate.retention=" + config.aggregateRetention()
                + "\nsuppressions=" + config.rules().suppressions()
                + "\nkafka=" + kafka;
    }

    /**
     * Whether a key's value is masked: any key with password, secret, jaas, token or key in it
     * ({@code sasl.jaas.config}, {@code ssl.key.password}, {@code ssl.keystore.key}), except those
     * that name a class or a file rather than hold a secret ({@code key.serializer},
     * {@code api.tokens.file}, {@code ssl.truststore.location}) and the rule settings, whose names
     * are rule names ({@code rule.PASSWORD_SPRAY.threshold}).
     */
    public static boolean isSecret(String key) {
        if (RuleKeys.isRuleKey(key)) {
            return false;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word) && !lower.endsWith(".serializer") && !lower.endsWith(".deserializer")
                    && !lower.endsWith(".serde") && !lower.endsWith(".file") && !lower.endsWith(".location")) {
                return true;
            }
        }
        return false;
    }
}
