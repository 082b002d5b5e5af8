package io.gatewatch.app.config;

import io.gatewatch.rules.RuleKeys;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The keys a configuration may hold: Gatewatch's own (the defaults, the optional ones, the topic
 * names, every rule setting, the exception lists: {@code exceptions.*} and every rule's
 * {@code rule.<RULE>.except-*}) and the Kafka clients' and Kafka Streams' configuration names, bare
 * or with a Streams client prefix ({@code producer.}, {@code main.consumer.}, ...). Anything else is
 * a typo or a variable the environment mapping turned into a key: passed to Kafka, it would be
 * ignored with a warning no one reads.
 */
public final class KnownKeys {

    /** Gatewatch's own keys that have no default. */
    public static final List<String> OPTIONAL = List.of("default.tenant", "api.tokens.file", "rules.files",
            "watchlists.files");

    private static final List<String> CONSUMER_PREFIXES = List.of(StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX);

    /** The Streams client prefixes a Kafka key may carry. */
    private static final List<String> PREFIXES = List.of(StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);

    private static final Set<String> GATEWATCH = gatewatchKeys();
    private static final Set<String> KAFKA = kafkaKeys();

    private KnownKeys() {
    }

    /** Whether Gatewatch or a Kafka client reads the key. */
    public static boolean known(String key) {
        if (GATEWATCH.contains(key)) {
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
        if (key.startsWith(StreamsConfig.PRODUCER_PREFIX)) {
            return ProducerConfig.configNames().contains(key.substring(StreamsConfig.PRODUCER_PREFIX.length()));
        }
        if (key.startsWith(StreamsConfig.ADMIN_CLIENT_PREFIX)) {
            return AdminClientConfig.configNames().contains(key.substring(StreamsConfig.ADMIN_CLIENT_PREFIX.length()));
        }
        return CONSUMER_PREFIXES.stream().anyMatch(prefix -> key.startsWith(prefix)
                && ConsumerConfig.configNames().contains(key.substring(prefix.length())));
    }

    /**
     * The known key nearest to {@code key} in edit distance (case aside), for a "did you mean"
     * hint; a key with a Streams client prefix is matched on the rest, the prefix kept. Null when
     * none is within a third of the key's length (at least 3 edits): "home" is not a typo of "acks".
     */
    public static String nearest(String key) {
        for (String prefix : PREFIXES) {
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

    /**
     * The known key that differs from {@code key} only in case and in '-', '_' or '.' — the key an
     * environment variable was meant for when the mapping ({@code _} → {@code .}) could not spell
     * it — or null.
     */
    public static String spelledAlike(String key) {
        String folded = fold(key);
        for (Set<String> keys : List.of(GATEWATCH, KAFKA)) {
            for (String candidate : keys) {
                if (fold(candidate).equals(folded)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String fold(String key) {
        return key.toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
    }

    /** Gatewatch's own keys, sorted. */
    public static Set<String> gatewatch() {
        return GATEWATCH;
    }

    private static Set<String> gatewatchKeys() {
        Set<String> keys = new TreeSet<>(ConfigLoader.DEFAULTS.keySet());
        keys.addAll(OPTIONAL);
        keys.addAll(Topics.KEYS);
        keys.addAll(RuleKeys.defaults().keySet());
        keys.addAll(RuleKeys.exceptionKeys());
        return keys;
    }

    private static Set<String> kafkaKeys() {
        Set<String> keys = new TreeSet<>(StreamsConfig.configDef().names());
        keys.addAll(ProducerConfig.configNames());
        keys.addAll(ConsumerConfig.configNames());
        keys.addAll(AdminClientConfig.configNames());
        return keys;
    }
}
