package io.gatewatch.rules;

import io.gatewatch.rules.catalogue.RuleCatalogue;
import io.gatewatch.rules.catalogue.RuleDefinition;
import io.gatewatch.schema.AttackIds;
import io.gatewatch.schema.Severity;
import io.gatewatch.rules.exceptions.ExceptionKind;
import io.gatewatch.rules.exceptions.ExceptionList;
import io.gatewatch.rules.exceptions.RuleExceptions;
import io.gatewatch.rules.watchlist.Watchlists;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rule thresholds, windows and suppression periods by name: {@code suppress.BRUTE_FORCE=PT1H},
 * {@code rule.BRUTE_FORCE.threshold=10}, {@code rule.BRUTE_FORCE.window=PT10M}. Holds what the
 * configuration overrides; every default lives in one place, the shipped
 * {@code config/rules.properties} (bundled as {@code /gatewatch/rules.properties}), so a rule asks
 * by name and the file a user copies is the truth the code runs on.
 *
 * <p>Exceptions are settings too: {@code exceptions.addresses}, {@code .asns}, {@code .users},
 * {@code .apps} for every rule ({@link #globalExceptions}), {@code rule.<RULE>.except-addresses} and
 * so on for one rule (kept with the {@link #parameters}); {@link #exceptions} reads them. A value
 * given replaces the shipped one, so {@code rule.ACCOUNT_LOCKOUT.except-asns=} (empty) drops the
 * shipped Microsoft networks from that rule.
 *
 * <p>Watchlists are not properties: the rules built from these settings ask {@link #watchlists}
 * at each event, so lists changed while a topology runs need no rebuild.
 *
 * @param globalExceptions the {@code exceptions.*} values given, by key
 * @param watchlists       the lists a {@code watchlist} test asks; {@link Watchlists#NONE} when none are given
 */
public record RuleSettings(Map<String, Duration> suppressions, Map<String, String> parameters,
        Map<String, String> globalExceptions, RuleCatalogue catalogue, Watchlists watchlists) {

    static final String RULE_PREFIX = "rule.";
    static final String SUPPRESS_PREFIX = "suppress.";
    private static final Map<String, String> SHIPPED_FILE = Map.copyOf(readShippedFile());
    private static final RuleSettings SHIPPED = fromProperties(SHIPPED_FILE);

    /** The shipped defaults alone. */
    public static final RuleSettings DEFAULTS = new RuleSettings(Map.of(), Map.of());

    public RuleSettings {
        suppressions = Map.copyOf(suppressions);
        parameters = Map.copyOf(parameters);
        globalExceptions = Map.copyOf(globalExceptions);
        catalogue = catalogue == null ? RuleCatalogue.shipped() : catalogue;
        watchlists = watchlists == null ? Watchlists.NONE : watchlists;
    }

    /** Suppressions, parameters and global exceptions over a catalogue, no watchlists. */
    public RuleSettings(Map<String, Duration> suppressions, Map<String, String> parameters,
                        Map<String, String> globalExceptions, RuleCatalogue catalogue) {
        this(suppressions, parameters, globalExceptions, catalogue, Watchlists.NONE);
    }

    /** Suppressions and parameters over the shipped catalogue, no global exceptions given. */
    public RuleSettings(Map<String, Duration> suppressions, Map<String, String> parameters) {
        this(suppressions, parameters, Map.of(), RuleCatalogue.shipped());
    }

    /** Suppressions, parameters and global exceptions over the shipped catalogue. */
    public RuleSettings(Map<String, Duration> suppressions, Map<String, String> parameters,
                        Map<String, String> globalExceptions) {
        this(suppressions, parameters, globalExceptions, RuleCatalogue.shipped());
    }

    /** The same settings over another catalogue (the shipped one and a user's rule files). */
    public RuleSettings withCatalogue(RuleCatalogue other) {
        return new RuleSettings(suppressions, parameters, globalExceptions, other, watchlists);
    }

    /** The same settings whose rules ask {@code lists}: a running topology's own, which its watchlist topic changes. */
    public RuleSettings withWatchlists(Watchlists lists) {
        return new RuleSettings(suppressions, parameters, globalExceptions, catalogue, lists);
    }

    /** Whether a rule runs: {@code rule.<ID>.enabled} if set, else what its catalogue entry says. */
    public boolean enabled(String rule) {
        if (parameters.containsKey(rule + ".enabled") || SHIPPED_FILE.containsKey(RULE_PREFIX + rule + ".enabled")) {
            return flag(rule, "enabled");
        }
        return catalogue.get(rule).map(RuleDefinition::enabled).orElse(false);
    }

    /** A rule's MITRE ATT&CK ids, as its catalogue entry gives them; none for an operational rule. */
    public AttackIds attack(String rule) {
        return catalogue.get(rule).map(d -> new AttackIds(d.tactics(), d.techniques())).orElse(AttackIds.NONE);
    }

    /** A rule's severity: {@code rule.<ID>.severity} if set (re-graded), else its catalogue entry's. */
    public Severity severity(String rule, Severity otherwise) {
        return regraded(rule).orElseGet(() -> catalogue.get(rule).map(RuleDefinition::severity).orElse(otherwise));
    }

    /** The severity {@code rule.<ID>.severity} gives the rule, if set: it overrides every case's own. */
    public java.util.Optional<Severity> regraded(String rule) {
        String value = parameters.get(rule + ".severity");
        if (value == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Severity.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RULE_PREFIX + rule + ".severity must be INFO, LOW, MEDIUM, HIGH "
                    + "or CRITICAL, was '" + value + "'");
        }
    }

    /**
     * The {@code rule.*}, {@code suppress.*} and {@code exceptions.*} keys of a configuration; others
     * are ignored. Rule names are upper-cased with {@code -} and {@code .} as {@code _}, so the
     * environment's {@code GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD} (→ {@code rule.brute.force.threshold})
     * names BRUTE_FORCE ({@link RuleKeys#canonical}). An exception list that does not read fails here,
     * naming its key.
     */
    public static RuleSettings fromProperties(Map<String, String> values) {
        return RulePropertiesReader.read(values);
    }

    /**
     * The exceptions these settings give, the shipped ones where a key is not given: the global
     * lists and every rule's own. Reads the lists each call: ask once, when the engines are built.
     */
    public RuleExceptions exceptions() {
        ExceptionList.Builder global = ExceptionList.builder();
        for (ExceptionKind kind : ExceptionKind.values()) {
            String value = globalExceptions.get(kind.globalKey());
            if (value == null && this != SHIPPED) {
                value = SHIPPED.globalExceptions.get(kind.globalKey());
            }
            if (value != null) {
                global.read(kind, kind.globalKey(), value);
            }
        }
        Set<String> rules = new TreeSet<>();
        for (Map<String, String> source : this == SHIPPED ? List.of(parameters) : List.of(parameters, SHIPPED.parameters)) {
            source.keySet().forEach(key -> {
                int dot = key.lastIndexOf('.');
                if (key.startsWith(ExceptionKind.PARAMETER_PREFIX, dot + 1)) {
                    rules.add(key.substring(0, dot));
                }
            });
        }
        Map<String, ExceptionList> perRule = new TreeMap<>();
        for (String rule : rules) {
            ExceptionList.Builder own = ExceptionList.builder();
            for (ExceptionKind kind : ExceptionKind.values()) {
                String key = rule + "." + kind.parameter();
                String value = parameters.get(key);
                if (value == null && this != SHIPPED) {
                    value = SHIPPED.parameters.get(key);
                }
                if (value != null) {
                    own.read(kind, RULE_PREFIX + key, value);
                }
            }
            perRule.put(rule, own.build());
        }
        return RuleExceptions.of(global.build(), perRule);
    }

    /**
     * Every setting given, as a configuration spells it ({@code suppress.BRUTE_FORCE},
     * {@code rule.BRUTE_FORCE.threshold}, {@code exceptions.addresses}): what a derived configuration
     * copies to keep these settings.
     */
    public Map<String, String> toProperties() {
        Map<String, String> properties = new TreeMap<>(globalExceptions);
        suppressions.forEach((rule, period) -> properties.put(SUPPRESS_PREFIX + rule, period.toString()));
        parameters.forEach((key, value) -> properties.put(RULE_PREFIX + key, value));
        return properties;
    }

    public Duration suppression(String rule) {
        Duration period = suppressions.get(rule);
        if (period == null && catalogue.defaults().containsKey(SUPPRESS_PREFIX + rule)) {
            period = RulePropertiesReader.duration(SUPPRESS_PREFIX + rule, catalogue.defaults().get(SUPPRESS_PREFIX + rule));
        }
        if (period == null && this != SHIPPED) {
            return SHIPPED.suppression(rule);
        }
        return require(period, SUPPRESS_PREFIX + rule);
    }

    public long number(String rule, String parameter) {
        String value = value(rule, parameter);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(RULE_PREFIX + rule + "." + parameter + " must be a whole number");
        }
    }

    /** A switch: {@code true} or {@code false}, nothing else. */
    public boolean flag(String rule, String parameter) {
        String value = value(rule, parameter).trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(RULE_PREFIX + rule + "." + parameter + " must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    public Duration period(String rule, String parameter) {
        return RulePropertiesReader.duration(RULE_PREFIX + rule + "." + parameter, value(rule, parameter));
    }

    private String value(String rule, String parameter) {
        String value = parameters.get(rule + "." + parameter);
        if (value == null) {
            value = catalogue.defaults().get(RULE_PREFIX + rule + "." + parameter);
        }
        if (value == null && this != SHIPPED) {
            return SHIPPED.value(rule, parameter);
        }
        return require(value, RULE_PREFIX + rule + "." + parameter);
    }

    private static <T> T require(T value, String key) {
        if (value == null) {
            throw new IllegalStateException(key + " is not set: a rule file's rule gives it in its params, "
                    + "a shipped rule in rules.properties");
        }
        return value;
    }

    /** Every key of the shipped rules.properties with its value, as the file spells them. */
    static Map<String, String> shippedFile() {
        return SHIPPED_FILE;
    }

    static String ruleName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> readShippedFile() {
        try (InputStream in = RuleSettings.class.getResourceAsStream("/gatewatch/rules.properties")) {
            if (in == null) {
                throw new IllegalStateException("bundled resource /gatewatch/rules.properties is missing");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> values = new HashMap<>();
            properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled rules.properties", e);
        }
    }
}
