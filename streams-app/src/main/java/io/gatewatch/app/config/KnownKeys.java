package io.gatewatch.app.config;

import io.gatewatch.rules.RuleKeys;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The keys a configuration may hold: Gatewatch's own (the defaults, the optional ones, the topic
 * names, every rule setting, the exception lists: {@code exceptions.*} and every rule's
 * {@code rule.<RULE>.except-*}) and the Kafka clients' and Kafka Streams' configuration names, bare
 * or with a Streams client prefix ({@code producer.}, {@code main.consumer.}, ...). Anything else is
 * a typo: passed to Kafka, it would be ignored with a warning no one reads.
 */
public final class KnownKeys {

    /** Gatewatch's own keys that have no default. */
    public static final List<String> OPTIONAL = List.of("default.tenant", "api.tokens.file", "rules.files",
            "watchlists.files", "api.internal.secret", "http.tls.keystore.path", "http.tls.keystore.password",
            "http.tls.truststore.path", "http.tls.truststore.password", "api.oidc.issuer", "api.oidc.audience");

    /**
     * Each Streams client prefix with the settings of the client it configures, longest first:
     * {@code main.consumer.} is not read as {@code consumer.}.
     */
    private static final Map<String, ConfigDef> CLIENTS = clientDefinitions();

    private static final Set<String> GATEWATCH = gatewatchKeys();
    private static final Set<String> KAFKA = kafkaKeys();

    private KnownKeys() {
    }

    /** Whether Gatewatch or a Kafka client reads the key. */
    public static boolean known(String key) {
        if (GATEWATCH.contains(key) || TenantNames.isKey(key)) {
            return true;
        }
        if (RuleKeys.isRuleKey(key)) {
            return RuleKeys.known(RuleKeys.canonical(key)); // Gatewatch's name space: never passed to Kafka
        }
        if (key.startsWith(StreamsConfig.TOPIC_PREFIX)) {
            return false; // likewise
        }
        if (KAFKA.contains(key)) {
            return true;
        }
        return CLIENTS.entrySet().stream().anyMatch(client -> key.startsWith(client.getKey())
                && client.getValue().names().contains(key.substring(client.getKey().length())));
    }

    /**
     * The known key nearest to {@code key} in edit distance (case aside), for a "did you mean"
     * hint; a key with a Streams client prefix is matched on the rest, the prefix kept. Null when
     * none is within a third of the key's length (at least 3 edits): "home" is not a typo of "acks".
     */
    public static String nearest(String key) {
        for (String prefix : CLIENTS.keySet()) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                String rest = nearest(key.substring(prefix.length()), List.of(KAFKA));
                return rest == null ? null : prefix + rest;
            }
        }
        return nearest(key, List.of(GATEWATCH, KAFKA));
    }

    private static String nearest(String key, List<Set<String>> candidates) {
        String lower = key.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Math.max(3, key.length() / 3) + 1;
        for (Set<String> keys : candidates) {
            for (String candidate : keys) {
                int distance = EditDistance.between(lower, candidate.toLowerCase(Locale.ROOT));
                if (distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** Gatewatch's own keys, sorted. */
    public static Set<String> gatewatch() {
        return GATEWATCH;
    }

    /** The Kafka clients' and Kafka Streams' settings, bare, sorted. */
    static Set<String> kafka() {
        return KAFKA;
    }

    /** Each Streams client prefix ({@code producer.}, {@code main.consumer.}, ...) with its client's settings, longest first. */
    static Map<String, ConfigDef> clients() {
        return CLIENTS;
    }

    private static Set<String> gatewatchKeys() {
        Set<String> keys = new TreeSet<>(ConfigLoader.DEFAULTS.keySet());
        keys.addAll(OPTIONAL);
        keys.addAll(Topics.KEYS);
        keys.addAll(RuleKeys.defaults().keySet());
        keys.addAll(RuleKeys.exceptionKeys());
        return keys;
    }

    private static Map<String, ConfigDef> clientDefinitions() {
        Map<String, ConfigDef> clients = new LinkedHashMap<>();
        ConfigDef consumer = ConsumerConfig.configDef();
        clients.put(StreamsConfig.RESTORE_CONSUMER_PREFIX, consumer);
        clients.put(StreamsConfig.GLOBAL_CONSUMER_PREFIX, consumer);
        clients.put(StreamsConfig.MAIN_CONSUMER_PREFIX, consumer);
        clients.put(StreamsConfig.CONSUMER_PREFIX, consumer);
        clients.put(StreamsConfig.PRODUCER_PREFIX, ProducerConfig.configDef());
        clients.put(StreamsConfig.ADMIN_CLIENT_PREFIX, AdminClientConfig.configDef());
        return Collections.unmodifiableMap(clients);
    }

    private static Set<String> kafkaKeys() {
        Set<String> keys = new TreeSet<>(StreamsConfig.configDef().names());
        keys.addAll(ProducerConfig.configNames());
        keys.addAll(ConsumerConfig.configNames());
        keys.addAll(AdminClientConfig.configNames());
        return keys;
    }
}
