package io.gatewatch.rules;

import java.time.Duration;
import java.util.Map;

/**
 * Rule thresholds and suppression periods by name ({@code suppress.ACCOUNT_LOCKOUT=PT1H}); a rule
 * asks with its default, so every number is configurable and the defaults live next to the rule.
 */
public record RuleSettings(Map<String, Duration> suppressions) {

    public static final RuleSettings DEFAULTS = new RuleSettings(Map.of());

    public RuleSettings {
        suppressions = Map.copyOf(suppressions);
    }

    public Duration suppression(String rule, Duration defaultPeriod) {
        return suppressions.getOrDefault(rule, defaultPeriod);
    }
}
