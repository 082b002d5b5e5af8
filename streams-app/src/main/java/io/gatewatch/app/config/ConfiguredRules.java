package io.gatewatch.app.config;

import io.gatewatch.detect.DetectionEngine;
import io.gatewatch.rules.RuleKeys;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.catalogue.CatalogueException;
import io.gatewatch.rules.catalogue.RuleCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The rules a configuration gives — the shipped catalogue with the files of {@code rules.files}, and
 * the {@code rule.*}, {@code suppress.*} and {@code exceptions.*} settings — checked when it is loaded:
 * a rule reads its own settings only when the topology is built, after the broker answered.
 */
final class ConfiguredRules {

    private ConfiguredRules() {
    }

    /** The shipped catalogue and the rule files of {@code rules.files} (comma-separated), each checked. */
    static RuleCatalogue catalogue(ConfigValues read, String files) {
        RuleCatalogue catalogue = RuleCatalogue.shipped();
        if (files == null || files.isBlank()) {
            return catalogue;
        }
        try {
            return catalogue.plus(Arrays.stream(files.split(",")).map(String::strip).filter(f -> !f.isEmpty())
                    .map(Path::of).toList());
        } catch (CatalogueException e) {
            read.problem(ConfigLoader.RULE_FILES, e.getMessage());
            return catalogue;
        }
    }

    /** A rule key's value, or the key itself when no rule of the catalogue has it (with the nearest known key). */
    static void checkSetting(ConfigValues read, String key, String value, RuleCatalogue catalogue) {
        if (!RuleKeys.known(key, catalogue)) {
            String nearest = KnownKeys.nearest(key);
            read.problem(key, key + " is not a rule setting (the rules and their keys are in config/rules.properties)"
                    + (nearest == null ? "" : "; the nearest known key is " + nearest));
            return;
        }
        String problem = RuleKeys.problem(key, value);
        if (problem != null) {
            read.problem(key, problem);
        }
    }

    /** Every rule built once, as the topology will: a rule file's rule missing a number fails here, not after the broker answered. */
    static void checkBuild(ConfigValues read, RuleSettings settings, Duration grace) {
        try {
            new DetectionEngine(settings, grace);
        } catch (IllegalStateException | IllegalArgumentException e) {
            read.problem(ConfigLoader.RULE_FILES, e.getMessage());
        }
    }
}
