package io.gatewatch.app.config;

import io.gatewatch.rules.RuleKeys;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A configuration's layers — built-in defaults, then a properties file, then the environment —
 * merged, remembering where each value came from and which key each environment variable sets
 * ({@link VariableKeys}: {@code GATEWATCH_STARTUP_BROKER_TIMEOUT} → {@code startup.broker-timeout}),
 * so that a bad value can be traced to its source and {@code gatewatch config} can show the mapping.
 * Rule keys are stored as the rules file spells them ({@code rule.BRUTE_FORCE.threshold}), so a
 * file's and an environment variable's spelling of one key are one key and the environment wins.
 */
public final class ConfigLayers {

    /** The launcher's and the logging's own variables: they are no configuration key. */
    static final Set<String> NOT_KEYS = Set.of("GATEWATCH_JAVA_OPTS", "GATEWATCH_BENCH_JAVA_OPTS",
            "GATEWATCH_LOG_LEVEL", "GATEWATCH_TEST_KAFKA");

    private final Map<String, String> values = new TreeMap<>();
    private final Map<String, ConfigOrigin> origins = new HashMap<>();
    private final Map<String, String> variables = new TreeMap<>();
    private final Set<String> unknownVariables = new TreeSet<>();
    private final Set<String> serviceLinks = new TreeSet<>();

    private ConfigLayers() {
        ConfigLoader.DEFAULTS.forEach((key, value) -> put(key, value, ConfigOrigin.DEFAULT));
    }

    /** Defaults < {@code file} (may be null) < the environment's GATEWATCH_ and KAFKA_ variables. */
    public static ConfigLayers read(Path file, Map<String, String> environment) throws IOException {
        ConfigLayers layers = new ConfigLayers();
        if (file != null) {
            java.util.Properties properties = new java.util.Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            ConfigOrigin origin = ConfigOrigin.file(file);
            properties.stringPropertyNames().forEach(key -> layers.put(key, properties.getProperty(key).trim(), origin));
        }
        // KAFKA_ before GATEWATCH_, each sorted: when two variables name one key the outcome does not
        // depend on the order the environment happens to list them in, and Gatewatch's own prefix wins
        for (String prefix : new String[] {VariableKeys.KAFKA, VariableKeys.GATEWATCH}) {
            new TreeMap<>(environment).forEach((name, value) -> {
                if (name.startsWith(prefix) && name.length() > prefix.length() && !NOT_KEYS.contains(name)) {
                    layers.putVariable(prefix, name, value);
                }
            });
        }
        return layers;
    }

    /** Values given directly (the offline commands, tests, benchmarks) over the defaults; their origin is not told. */
    public static ConfigLayers of(Map<String, String> overrides) {
        ConfigLayers layers = new ConfigLayers();
        overrides.forEach((key, value) -> layers.put(key, value, null));
        return layers;
    }

    /**
     * A variable's value under the key it names. One that names no key is refused (GATEWATCH_) or
     * passed to Kafka as it is (KAFKA_, the documented pass-through); Kubernetes' service links are neither.
     */
    private void putVariable(String prefix, String name, String value) {
        String rest = name.substring(prefix.length());
        String key = VariableKeys.keyOf(rest);
        if (key == null && VariableKeys.isServiceLink(name)) {
            serviceLinks.add(name);
            return;
        }
        if (key == null && prefix.equals(VariableKeys.KAFKA)) {
            key = VariableKeys.verbatim(rest);
        }
        if (key == null) {
            unknownVariables.add(name);
            return;
        }
        variables.put(name, key);
        put(key, value, ConfigOrigin.environment(name));
    }

    private void put(String key, String value, ConfigOrigin origin) {
        String canonical = RuleKeys.canonical(key);
        values.put(canonical, value);
        if (origin == null) {
            origins.remove(canonical);
        } else {
            origins.put(canonical, origin);
        }
    }

    /** Every key with its value, sorted by key. */
    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Where the key's value came from; null when it was given directly. */
    public ConfigOrigin origin(String key) {
        return origins.get(key);
    }

    /** Each GATEWATCH_ and KAFKA_ variable read, with the key it sets, sorted by variable. */
    public Map<String, String> environmentKeys() {
        return Collections.unmodifiableMap(variables);
    }

    /** The GATEWATCH_ variables that name no key, sorted: each is a problem of the configuration. */
    public Set<String> unknownVariables() {
        return Collections.unmodifiableSet(unknownVariables);
    }

    /** The variables taken for Kubernetes' service links ({@code GATEWATCH_PORT}, {@code KAFKA_SERVICE_HOST}), ignored, sorted. */
    public Set<String> serviceLinks() {
        return Collections.unmodifiableSet(serviceLinks);
    }
}
