package io.gatewatch.generator.evaluate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One rule's detection quality against the labels: scenarios it had to catch and did or missed,
 * alerts nothing justified (false positives), near misses it rightly stayed quiet on, and how
 * long after each scenario started (in event time) it fired.
 */
public final class RuleScore {

    private final String rule;
    int expected;
    int detected;
    int falsePositives;
    int sideEffects;
    int nearMisses;
    int nearMissesFired;
    final List<Duration> delays = new ArrayList<>();
    final List<String> missedScenarios = new ArrayList<>();

    RuleScore(String rule) {
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    public int expected() {
        return expected;
    }

    public int detected() {
        return detected;
    }

    public int missed() {
        return expected - detected;
    }

    public int falsePositives() {
        return falsePositives;
    }

    /** Alerts only a {@code may} label covers: real effects of an attack on another rule (a tenant's failure rate). */
    public int sideEffects() {
        return sideEffects;
    }

    public int nearMisses() {
        return nearMisses;
    }

    public int nearMissesFired() {
        return nearMissesFired;
    }

    public List<String> missedScenarios() {
        return List.copyOf(missedScenarios);
    }

    /** The median detection delay, or null when nothing was detected. */
    public Duration medianDelay() {
        return delays.isEmpty() ? null : delays.stream().sorted().toList().get((delays.size() - 1) / 2);
    }

    public Duration maxDelay() {
        return delays.stream().max(Duration::compareTo).orElse(null);
    }
}
