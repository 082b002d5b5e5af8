package io.gatewatch.app.config;

import io.gatewatch.rules.RuleKeys;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.catalogue.RuleCatalogue;
import io.gatewatch.rules.watchlist.Watchlists;
import io.gatewatch.schema.read.TenantIds;
import io.gatewatch.schema.read.UnreadableRecordException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Layered configuration: built-in defaults, then a properties file, then the environment
 * ({@link ConfigLayers}). {@code GATEWATCH_STARTUP_BROKER_TIMEOUT} sets {@code startup.broker-timeout}
 * ({@link VariableKeys}); {@code KAFKA_SASL_MECHANISM} sets the Kafka client property {@code sasl.mechanism}
 * (the streams-bootstrap convention). Keys that are not Gatewatch's own are passed to the Kafka
 * clients as they are.
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
            // kafka: Kafka Streams' own record cache in place of the decoded values (the same budget)
            Map.entry("state.cache", "decoded"),
            // how long run waits for the first broker before it gives up with one line (exit 1)
            Map.entry("startup.broker-timeout", "PT60S"),
            Map.entry("http.port", "8080"),
            Map.entry("http.tls.keystore.type", "PKCS12"),
            // Entra ID puts an app registration's app roles in roles: Gatewatch.Tenant.<id>, Gatewatch.All
            Map.entry("api.oidc.tenants-claim", "roles"),
            Map.entry("alerts.retention", "P7D"),
            // an open incident that grows is reported again, at most this often
            Map.entry("alerts.update-interval", "PT5M"),
            Map.entry("diagnosis.retention", "P7D"),
            Map.entry("aggregate.hour-retention", "P7D"),
            Map.entry("aggregate.day-retention", "P90D"),
            Map.entry("alerts.format", "gatewatch"));

    private static final String TOPIC_PREFIX = "topic.";
    /** Rule files beside the shipped catalogue, comma-separated. */
    public static final String RULE_FILES = "rules.files";
    /** Watchlist files (CSV: watchlist,user[,note]), comma-separated; read at start, then changed by topic.watchlists. */
    public static final String WATCHLIST_FILES = "watchlists.files";
    private static final String TOKENS_FILE = "api.tokens.file";

    private ConfigLoader() {
    }

    /** Defaults < {@code file} < environment; a bad value fails naming its key and where it came from. */
    public static GatewatchConfig load(Path file, Map<String, String> environment) throws IOException {
        return build(ConfigLayers.read(file, environment));
    }

    /** Builds from the given values over the defaults. */
    public static GatewatchConfig build(Map<String, String> overrides) {
        return build(ConfigLayers.of(overrides));
    }

    /**
     * Builds and validates every value, rule settings included (a rule reads its own only when the
     * topology is built, after the broker answered); fails with every problem found, each naming
     * its key and the value's origin.
     */
    public static GatewatchConfig build(ConfigLayers layers) {
        Map<String, String> values = layers.values();
        ConfigValues read = new ConfigValues(values);
        RuleCatalogue catalogue = ConfiguredRules.catalogue(read, values.get(RULE_FILES));
        Watchlists watchlists = ConfiguredWatchlists.read(read, WATCHLIST_FILES, values.get(WATCHLIST_FILES));
        Map<String, String> kafka = new HashMap<>();
        values.forEach((key, value) -> {
            if (RuleKeys.isRuleKey(key)) {
                ConfiguredRules.checkSetting(read, key, value, catalogue);
            } else if (TenantNames.isKey(key)) {
                return; // Gatewatch's: read below
            } else if (!DEFAULTS.containsKey(key) && !key.startsWith(TOPIC_PREFIX) && !KnownKeys.OPTIONAL.contains(key)) {
                kafka.put(key, value);
                String problem = KafkaValues.problem(key, value);
                if (problem != null) {
                    read.problem(key, problem);
                }
            }
        });
        kafka.put("bootstrap.servers", values.get("bootstrap.servers"));
        Topics topics = Topics.configured(values);
        String guarantee = read.choice("processing.guarantee", "exactly_once_v2", "at_least_once");
        AlertFormat alertFormat = null;
        try {
            alertFormat = AlertFormat.parse(values.get("alerts.format"));
        } catch (IllegalArgumentException e) {
            read.problem("alerts.format", e.getMessage());
        }
        Duration windowSize = read.duration("window.size");
        Duration grace = read.duration("window.grace");
        Duration dedupHorizon = read.duration("dedup.horizon");
        Duration maxFuture = read.duration("event.max-future");
        Duration aggregateRetention = read.duration("aggregate.retention");
        boolean emitClassified = read.flag("emit.classified");
        boolean createTopics = read.flag("topics.create");
        int partitions = read.integer("topic.partitions", 1, Integer.MAX_VALUE, "");
        int replicationFactor = read.integer("topic.replication.factor", 1, Short.MAX_VALUE, "");
        long rocksDbBytes = read.bytes("rocksdb.memory.bytes", GatewatchConfig.MIN_ROCKSDB_MEMORY_BYTES);
        long decodedBytes = read.bytes("state.decoded-memory.bytes", GatewatchConfig.MIN_DECODED_MEMORY_BYTES);
        boolean holdDecoded = !"kafka".equals(read.choice("state.cache", "decoded", "kafka"));
        Duration brokerTimeout = read.duration("startup.broker-timeout");
        int httpPort = read.integer("http.port", 0, 65_535, " (0 turns the API off)");
        Duration alertsRetention = read.duration("alerts.retention");
        Duration alertUpdateInterval = read.duration("alerts.update-interval");
        Duration historyRetention = read.duration("diagnosis.retention");
        Duration hourRetention = read.duration("aggregate.hour-retention");
        Duration dayRetention = read.duration("aggregate.day-retention");
        String defaultTenant = null;
        try {
            defaultTenant = TenantIds.normalise(values.get("default.tenant")); // as the records' tenants are spelled
        } catch (UnreadableRecordException e) {
            read.problem("default.tenant", "must not hold '|' or a control character, nor be longer than 128 characters");
        }
        String internalSecret = ApiSecurityValues.internalSecret(read);
        TlsSettings tls = ApiSecurityValues.tls(read);
        OidcSettings oidc = ApiSecurityValues.oidc(read);
        TenantNames tenantNames = TenantNames.read(values, read);
        if (read.problems().isEmpty()) {
            ConfiguredRules.checkBuild(read, RuleSettings.fromProperties(values).withCatalogue(catalogue), grace);
        }
        List<ConfigProblem> problems = new ArrayList<>(read.problems());
        layers.unknownVariables().forEach(variable -> problems.add(VariableKeys.unknown(variable)));
        if (!problems.isEmpty()) {
            throw invalid(layers, problems);
        }
        try {
            return new GatewatchConfig(values.get("application.id"), kafka, topics, guarantee.equals("exactly_once_v2"),
                    windowSize, grace, dedupHorizon, maxFuture, aggregateRetention, defaultTenant,
                    emitClassified, createTopics, partitions, (short) replicationFactor, rocksDbBytes, decodedBytes,
                    brokerTimeout, RuleSettings.fromProperties(values).withCatalogue(catalogue).withWatchlists(watchlists),
                    new ApiSettings(httpPort, values.get(TOKENS_FILE) == null ? null : Path.of(values.get(TOKENS_FILE)),
                            alertsRetention, historyRetention, hourRetention, dayRetention, internalSecret, tls, oidc,
                            tenantNames),
                    alertFormat, holdDecoded, alertUpdateInterval);
        } catch (IllegalArgumentException e) {
            // a range or a relation between keys ("aggregate.retention must cover window.size + window.grace"):
            // the message starts with the key it is about
            String first = e.getMessage().split(" ", 2)[0];
            throw invalid(layers, List.of(new ConfigProblem(values.containsKey(first) ? first : null, e.getMessage())));
        }
    }

    private static InvalidConfigException invalid(ConfigLayers layers, List<ConfigProblem> problems) {
        return new InvalidConfigException(problems.stream()
                .map(problem -> problem.key() == null ? problem : problem.from(layers.origin(problem.key())))
                .toList());
    }
}
