package io.gatewatch.generator.scenario;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * One kind of injectable scenario: an attack or misconfiguration, or a near miss just under a
 * rule's threshold.
 *
 * @param span           how long its events last, so a schedule can keep it inside the run
 * @param needsBaseline  true when the rule compares against a learned baseline and so needs a
 *                       tenant with a day of history before the scenario starts
 */
public record ScenarioType(String name, String description, Duration span, boolean needsBaseline,
                           Consumer<ScenarioBuilder> script) {

    static ScenarioType of(String name, String description, Duration span, Consumer<ScenarioBuilder> script) {
        return new ScenarioType(name, description, span, false, script);
    }

    public boolean nearMiss() {
        return name.endsWith("-near-miss");
    }
}
