package io.gatewatch.app.config;

import io.gatewatch.rules.RuleKeys;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The key an environment variable sets. A variable spells a key upper-cased with {@code .} and
 * {@code -} as {@code _} ({@code GATEWATCH_STARTUP_BROKER_TIMEOUT} sets {@code startup.broker-timeout}).
 * The spelling loses where the dots and dashes were, so it is looked up among the keys there are
 * rather than turned back into a key: Gatewatch's own, every shipped rule setting, and the Kafka
 * clients' and Kafka Streams' settings, bare or behind a Streams client prefix
 * ({@code GATEWATCH_MAIN_CONSUMER_MAX_POLL_RECORDS}). No two known keys share a spelling (tested).
 */
final class VariableKeys {

    static final String GATEWATCH = "GATEWATCH_";
    static final String KAFKA = "KAFKA_";

    /**
     * The variables Kubernetes gives a pod for each Service (a Service {@code gatewatch} gives
     * {@code GATEWATCH_PORT=tcp://10.0.0.7:8080}, {@code GATEWATCH_SERVICE_HOST}, ...; {@code kafka}
     * gives {@code KAFKA_PORT}): no configuration, and refusing them would stop every pod beside such a Service.
     */
    private static final Pattern SERVICE_LINK = Pattern.compile(
            "[A-Z0-9_]*?_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_\\d+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)");

    private static final Map<String, String> KEYS_BY_SPELLING = keysBySpelling();

    private VariableKeys() {
    }

    /** How a variable spells {@code key}, without its prefix: {@code startup.broker-timeout} → {@code STARTUP_BROKER_TIMEOUT}. */
    static String spelling(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * The key a variable sets, given its name without the prefix; null when it names none. Not found
     * among the known keys, a variable in the rules' name space becomes a rule key as the rules spell it:
     * a rule file's rule is not known until the files are read, and the rules check it then.
     */
    static String keyOf(String rest) {
        String spelled = rest.toUpperCase(Locale.ROOT);
        String known = KEYS_BY_SPELLING.get(spelled);
        if (known != null) {
            return known;
        }
        for (Map.Entry<String, ConfigDef> client : KnownKeys.clients().entrySet()) {
            String clientPrefix = spelling(client.getKey());
            if (spelled.startsWith(clientPrefix)) {
                String name = find(client.getValue().names(), spelled.substring(clientPrefix.length()));
                if (name != null) {
                    return client.getKey() + name;
                }
            }
        }
        String tenantName = TenantNames.keyOfVariable(rest);
        if (tenantName != null) {
            return tenantName;
        }
        String verbatim = verbatim(rest);
        return RuleKeys.isRuleKey(verbatim) ? RuleKeys.canonical(verbatim) : null;
    }

    /** The key a KAFKA_ variable that names no known key passes to the Kafka clients: lower-cased, each '_' a '.'. */
    static String verbatim(String rest) {
        return rest.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Whether a variable that names no key is one of Kubernetes' service links. */
    static boolean isServiceLink(String variable) {
        return SERVICE_LINK.matcher(variable).matches();
    }

    /** The one line for a GATEWATCH_ variable that names no key: the nearest key and the variable that sets it; never the value. */
    static ConfigProblem unknown(String variable) {
        String rest = variable.substring(GATEWATCH.length());
        String nearest = KnownKeys.nearest(verbatim(rest));
        return new ConfigProblem(null, ConfigOrigin.environment(variable) + ": " + rest + " is no key of Gatewatch's or"
                + " a Kafka client's (a variable is the key upper-cased, '.' and '-' as '_')"
                + (nearest == null ? "; 'gatewatch config' lists the keys, and a KAFKA_ variable passes any setting to Kafka"
                        : "; the nearest known key is " + nearest + " (" + GATEWATCH + spelling(nearest) + ")"));
    }

    private static String find(Set<String> keys, String spelled) {
        return keys.stream().filter(key -> spelling(key).equals(spelled)).findFirst().orElse(null);
    }

    private static Map<String, String> keysBySpelling() {
        Map<String, String> keys = new HashMap<>();
        KnownKeys.kafka().forEach(key -> keys.put(spelling(key), key));
        KnownKeys.gatewatch().forEach(key -> keys.put(spelling(key), key)); // Gatewatch's own before Kafka's, should both spell alike
        return Map.copyOf(keys);
    }
}
