package io.gatewatch.rules;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.state.StateView;
import java.time.Instant;
import java.util.List;

/**
 * A rule family over one tenant's events with the state it keeps between them: per-event rules
 * (incident ends), windowed rules (entity windows), baselines (one per tenant). The streams app
 * gives each family one processor and one store; {@code DetectionEngine} gives them maps.
 *
 * @param <S> what the family stores per key
 */
public interface RuleEngine<S> {

    /** Feeds one event; returns the alerts it raised. */
    List<Alert> process(String tenant, ClassifiedEvent event, StateView<S> state, Instant detectedAt);

    /** True for a stored value that no longer matters at stream time {@code nowMs} and can be deleted. */
    default boolean expired(S stored, long nowMs) {
        return false;
    }
}
