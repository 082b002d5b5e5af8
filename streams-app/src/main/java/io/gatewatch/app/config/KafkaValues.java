package io.gatewatch.app.config;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka clients' and Kafka Streams' settings a configuration passes through, parsed as the
 * clients will parse them when the configuration is loaded. Otherwise a bad one surfaced only when
 * a client was built, after the wait for the broker, as a stack trace naming neither the file nor
 * the variable. Kafka's own message quotes the value; here a value is shown only when its key
 * cannot hold a secret ({@link SecretKeys}).
 */
final class KafkaValues {

    /** Each bare setting's definition: Streams' own first (it hands bare client settings to every client), then the clients'. */
    private static final Map<String, ConfigDef.ConfigKey> BARE = bare();

    private KafkaValues() {
    }

    /** What is wrong with a value of a Kafka setting, or null when it parses (or the key is no Kafka setting). */
    static String problem(String key, String value) {
        ConfigDef.ConfigKey definition = definition(key);
        if (definition == null) {
            return null;
        }
        boolean secret = SecretKeys.isSecret(key) || definition.type == ConfigDef.Type.PASSWORD;
        String shown = secret ? SecretKeys.MASK : "'" + value + "'";
        Object parsed;
        try {
            parsed = ConfigDef.parseType(key, value, definition.type);
        } catch (ConfigException e) {
            return key + " must be " + expected(definition.type) + ", was " + shown;
        }
        try {
            if (definition.validator != null) {
                definition.validator.ensureValid(key, parsed);
            }
            return null;
        } catch (ConfigException e) {
            String reason = reason(key, e);
            return key + ": " + (secret && !value.isBlank() ? reason.replace(value.strip(), SecretKeys.MASK) : reason)
                    + "; was " + shown;
        }
    }

    private static ConfigDef.ConfigKey definition(String key) {
        ConfigDef.ConfigKey bare = BARE.get(key);
        if (bare != null) {
            return bare;
        }
        for (Map.Entry<String, ConfigDef> client : KnownKeys.clients().entrySet()) {
            if (key.startsWith(client.getKey())) {
                return client.getValue().configKeys().get(key.substring(client.getKey().length()));
            }
        }
        return null;
    }

    private static String expected(ConfigDef.Type type) {
        return switch (type) {
            case INT -> "a whole number (int)";
            case SHORT -> "a whole number (short)";
            case LONG -> "a whole number (long)";
            case DOUBLE -> "a number";
            case BOOLEAN -> "true or false";
            case CLASS -> "the name of a class on the class path";
            case LIST -> "a comma-separated list";
            default -> "text";
        };
    }

    /** Kafka's reason without its "Invalid value X for configuration K: " lead (which quotes the value) and its full stop. */
    private static String reason(String key, ConfigException e) {
        String message = String.valueOf(e.getMessage());
        String lead = " for configuration " + key + ": ";
        int at = message.indexOf(lead);
        String reason = message.startsWith("Invalid value ") && at >= 0 ? message.substring(at + lead.length()) : message;
        return reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
    }

    private static Map<String, ConfigDef.ConfigKey> bare() {
        Map<String, ConfigDef.ConfigKey> keys = new HashMap<>();
        for (ConfigDef definitions : new ConfigDef[] {StreamsConfig.configDef(), ProducerConfig.configDef(),
                ConsumerConfig.configDef(), AdminClientConfig.configDef()}) {
            definitions.configKeys().forEach(keys::putIfAbsent);
        }
        return Map.copyOf(keys);
    }
}
