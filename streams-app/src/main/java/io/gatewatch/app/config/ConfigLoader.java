package io.gatewatch.app.config;

import io.gatewatch.rules.RuleSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Layered configuration: built-in defaults, then a properties file, then the environment.
 * {@code GATEWATCH_WINDOW_SIZE} sets {@code window.size}; {@code KAFKA_SASL_MECHANISM} sets the
 * Kafka client property {@code sasl.mechanism} (the streams-bootstrap convention). Keys that are
 * not Gatewatch's own are passed to the Kafka clients as they are.
 */
public final class ConfigLoader {

    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("application.id", "gatewatch"),
            Map.entry("bootstrap.servers", "localhost:9092"),
            Map.entry("processing.guarantee", "exactly_once_v2"),
            Map.entry("window.size", "PT1M"),
            // Event Hubs delivers sign-in logs 2-5 minutes late; 2 minutes keeps most of them
            // without holding every window open for long
            Map.entry("window.grace", "PT2M"),
            Map.entry("dedup.horizon", "PT24H"),
            // Entra stamps sign-ins on Microsoft's clocks: minutes ahead means a skewed host, more a bogus
            // record, and over an hour the broker would refuse it as a repartition timestamp
            Map.entry("event.max-future", "PT15M"),
            Map.entry("aggregate.retention", "PT6H"),
            Map.entry("emit.classified", "false"),
            Map.entry("topics.create", "true"),
            Map.entry("topic.partitions", "6"),
            Map.entry("topic.replication.factor", "1"),
            Map.entry("rocksdb.memory.bytes", String.valueOf(256L << 20)),
            // store values held decoded between commits, all stores and tasks together: an eighth of the default heap
            Map.entry("state.decoded-memory.bytes", String.valueOf(128L << 20)),
            // how long run waits for the first broker before it gives up with one line (exit 1)
            Map.entry("startup.broker-timeout", "PT60S"),
            Map.entry("http.port", "8080"),
            Map.entry("alerts.retention", "P7D"),
            Map.entry("diagnosis.retention", "P7D"),
            Map.entry("aggregate.hour-retention", "P7D"),
            Map.entry("aggregate.day-retention", "P90D"),
            Map.entry("alerts.format", "gatewatch"));

    private static final String SUPPRESS_PREFIX = "suppress.";
    private static final String TOPIC_PREFIX = "topic.";
    private static final String RULE_PREFIX = "rule.";
    private static final String TOKENS_FILE = "api.tokens.file";

    private ConfigLoader() {
    }

    public static GatewatchConfig load(Path file, Map<String, String> environment) throws IOException {
        Map<String, String> values = new TreeMap<>(DEFAULTS);
        if (file != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).trim()));
        }
        values.putAll(fromEnvironment(environment));
        return build(values);
    }

    /** GATEWATCH_X_Y → x.y and KAFKA_X_Y → x.y; other variables are ignored. */
    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        environment.forEach((name, value) -> {
            for (String prefix : new String[] {"GATEWATCH_", "KAFKA_"}) {
                if (name.startsWith(prefix) && name.length() > prefix.length()) {
                    values.put(name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
                }
            }
        });
        return values;
    }

    /** Builds from the given values over the defaults. */
    public static GatewatchConfig build(Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>(DEFAULTS);
        values.putAll(overrides);
        Map<String, String> kafka = new HashMap<>();
        values.forEach((key, value) -> {
            if (!DEFAULTS.containsKey(key) && !key.startsWith(TOPIC_PREFIX) && !key.startsWith(RULE_PREFIX)
                    && !key.startsWith(SUPPRESS_PREFIX) && !key.equals("default.tenant") && !key.equals(TOKENS_FILE)) {
                kafka.put(key, value);
            }
        });
        kafka.put("bootstrap.servers", values.get("bootstrap.servers"));
        Topics d = Topics.DEFAULTS;
        Topics topics = Topics.named(
                values.getOrDefault("topic.signin-events", d.signinEvents().name()),
                values.getOrDefault("topic.dynamics-access", d.dynamicsAccess().name()),
                values.getOrDefault("topic.dynamics-orgs", d.dynamicsOrgs().name()),
                values.getOrDefault("topic.alerts", d.alerts().name()),
                values.getOrDefault("topic.aggregates", d.aggregates().name()),
                values.getOrDefault("topic.aggregates-daily", d.aggregatesDaily().name()),
                values.getOrDefault("topic.classified", d.classified().name()),
                values.getOrDefault("topic.dlq", d.deadLetter().name()),
                values.getOrDefault("topic.alerts-ocsf", d.alertsOcsf().name()));
        String guarantee = values.get("processing.guarantee");
        if (!guarantee.equals("exactly_once_v2") && !guarantee.equals("at_least_once")) {
            throw new IllegalArgumentException("processing.guarantee must be exactly_once_v2 or at_least_once");
        }
        return new GatewatchConfig(values.get("application.id"), kafka, topics, guarantee.equals("exactly_once_v2"),
                duration("window.size", values.get("window.size")), duration("window.grace", values.get("window.grace")),
                duration("dedup.horizon", values.get("dedup.horizon")),
                duration("event.max-future", values.get("event.max-future")),
                duration("aggregate.retention", values.get("aggregate.retention")), values.get("default.tenant"),
                Boolean.parseBoolean(values.get("emit.classified")), Boolean.parseBoolean(values.get("topics.create")),
                integer("topic.partitions", values.get("topic.partitions")),
                (short) integer("topic.replication.factor", values.get("topic.replication.factor")),
                Long.parseLong(values.get("rocksdb.memory.bytes")),
                Long.parseLong(values.get("state.decoded-memory.bytes")),
                duration("startup.broker-timeout", values.get("startup.broker-timeout")), RuleSettings.fromProperties(values),
                new ApiSettings(integer("http.port", values.get("http.port")),
                        values.get(TOKENS_FILE) == null ? null : Path.of(values.get(TOKENS_FILE)),
                        duration("alerts.retention", values.get("alerts.retention")),
                        duration("diagnosis.retention", values.get("diagnosis.retention")),
                        duration("aggregate.hour-retention", values.get("aggregate.hour-retention")),
                        duration("aggregate.day-retention", values.get("aggregate.day-retention"))),
                AlertFormat.parse(values.get("alerts.format")));
    }

    private static Duration duration(String key, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT1M, was '" + value + "'");
        }
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
        }
    }
}
