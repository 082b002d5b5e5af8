package io.gatewatch.rules.observe;

/**
 * What a windowed rule remembers of one event: when, who, from where, and a rule-specific
 * {@code kind} ("fail", "success", ...). Small on purpose: windows hold many of them.
 */
public record Observation(long timeMs, String kind, String user, String ip, String app, String location,
                          String correlationId) {
}
