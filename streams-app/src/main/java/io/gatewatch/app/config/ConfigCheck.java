package io.gatewatch.app.config;

import io.gatewatch.rules.RuleKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything wrong with a configuration, found without a broker: every bad value (as
 * {@link ConfigLoader#build} finds them) and every key that neither Gatewatch nor a Kafka client
 * reads, each with where it came from and the nearest known key.
 */
public final class ConfigCheck {

    private ConfigCheck() {
    }

    /** Bad values first, then unknown keys; empty when the configuration is sound. */
    public static List<ConfigProblem> problems(ConfigLayers layers) {
        List<ConfigProblem> problems = new ArrayList<>();
        try {
            ConfigLoader.build(layers);
        } catch (InvalidConfigException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(unknownKeys(layers));
        return problems;
    }

    /**
     * Keys that are neither Gatewatch's nor a Kafka client's, rule keys aside ({@link ConfigLoader#build}
     * refuses an unknown rule key as a bad value: it can mean nothing to Kafka).
     */
    public static List<ConfigProblem> unknownKeys(ConfigLayers layers) {
        List<ConfigProblem> problems = new ArrayList<>();
        layers.values().keySet().forEach(key -> {
            if (!RuleKeys.isRuleKey(key) && !KnownKeys.known(key)) {
                String nearest = KnownKeys.nearest(key);
                problems.add(new ConfigProblem(key, "unknown key " + key + ": neither Gatewatch's nor a Kafka client's"
                        + (nearest == null ? "" : "; the nearest known key is " + nearest)).from(layers.origin(key)));
            }
        });
        return problems;
    }
}
