package io.gatewatch.app.runtime;

import io.gatewatch.app.config.ConfigCheck;
import io.gatewatch.app.config.ConfigLayers;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.ConfigProblem;
import io.gatewatch.app.config.KnownKeys;
import io.gatewatch.app.config.SecretKeys;
import io.gatewatch.app.config.Topics;
import io.gatewatch.app.topology.StreamsSettings;
import io.gatewatch.rules.RuleKeys;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code gatewatch config} and {@code run --check}: the effective configuration, one key a line as
 * {@code key = value  (default | file PATH | env VAR)} with secrets masked — Gatewatch's keys, every
 * rule setting, the Kafka settings Gatewatch chooses and everything given — then the key each
 * GATEWATCH_ and KAFKA_ variable sets (or that it sets none), and every problem as one line on stderr.
 * No broker needed.
 */
public final class ConfigReport {

    /** Exit code when the configuration has a bad value or an unknown key (the README's usage error). */
    public static final int EXIT_PROBLEMS = 2;

    private ConfigReport() {
    }

    /** Prints the report; returns 0, or {@link #EXIT_PROBLEMS} when anything is wrong. */
    public static int print(ConfigLayers layers, PrintWriter out, PrintWriter err) {
        List<ConfigProblem> problems = ConfigCheck.problems(layers);
        Map<String, String> lines = new TreeMap<>();
        RuleKeys.defaults().forEach((key, value) -> lines.put(key, line(key, value, "default")));
        KnownKeys.OPTIONAL.forEach(key -> lines.put(key, key + " = (none)  (default)"));
        List<String> topicNames = Topics.DEFAULTS.all();
        for (int i = 0; i < Topics.KEYS.size(); i++) {
            lines.put(Topics.KEYS.get(i), line(Topics.KEYS.get(i), topicNames.get(i), "default"));
        }
        kafkaChoices(layers, lines);
        layers.values().forEach((key, value) -> lines.put(key, line(key, value, String.valueOf(layers.origin(key)))));
        lines.values().forEach(out::println);
        layers.environmentKeys().forEach((variable, key) ->
                out.println("# env " + variable + " -> " + key + (KnownKeys.known(key) ? "" : "  (unknown key)")));
        layers.unknownVariables().forEach(variable -> out.println("# env " + variable + " -> no key"));
        layers.serviceLinks().forEach(variable -> out.println("# env " + variable + " -> none: a Kubernetes service link"));
        out.flush();
        problems.forEach(problem -> err.println("gatewatch: " + problem.message()));
        err.flush();
        return problems.isEmpty() ? 0 : EXIT_PROBLEMS;
    }

    /** The Kafka Streams and client settings Gatewatch sets itself (state.dir, compression, ...), when the values build. */
    private static void kafkaChoices(ConfigLayers layers, Map<String, String> lines) {
        try {
            StreamsSettings.of(ConfigLoader.build(layers)).forEach((key, value) -> {
                String name = String.valueOf(key);
                if (KnownKeys.known(name)) {
                    lines.put(name, line(name, value instanceof Class<?> type ? type.getName() : String.valueOf(value),
                            "default"));
                }
            });
        } catch (IllegalArgumentException e) {
            // a bad value: reported as a problem; the Kafka choices that depend on it are left out
        }
    }

    private static String line(String key, String value, String origin) {
        return key + " = " + (SecretKeys.isSecret(key) ? SecretKeys.MASK : value) + "  (" + origin + ")";
    }
}
