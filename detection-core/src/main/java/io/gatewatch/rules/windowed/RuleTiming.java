package io.gatewatch.rules.windowed;

import io.gatewatch.rules.RuleSettings;
import java.time.Duration;

/**
 * What every windowed rule has: its name, how long its windows keep observations, and how long
 * an alert suppresses the next for the same entity — read once from the settings
 * ({@code rule.<NAME>.window}, {@code suppress.<NAME>}).
 */
public record RuleTiming(String name, Duration window, Duration suppression) {

    static RuleTiming of(RuleSettings settings, String name) {
        return new RuleTiming(name, settings.period(name, "window"), settings.suppression(name));
    }
}
