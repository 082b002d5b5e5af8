package io.gatewatch.rules;

import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.Severity;
import java.time.Duration;

/**
 * A rule's finding for one event, before suppression: which rule, about whom, how bad, and for
 * how long further findings on the same entity belong to the same incident.
 */
public record Detection(String rule, Severity severity, AlertEntity entity, String summary, Duration suppression) {
}
