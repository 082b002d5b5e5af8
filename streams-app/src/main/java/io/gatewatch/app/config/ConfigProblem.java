package io.gatewatch.app.config;

/**
 * One thing wrong with a configuration: the message names the key (null when it concerns several
 * keys together, or an environment variable that names no key) and, once known, where the value
 * came from.
 */
public record ConfigProblem(String key, String message) {

    /** The message led by the value's origin, {@code env GATEWATCH_X: ...} or {@code file F: ...}. */
    ConfigProblem from(ConfigOrigin origin) {
        if (origin == null || origin.kind() == ConfigOrigin.Kind.DEFAULT) {
            return this;
        }
        return new ConfigProblem(key, origin + ": " + message);
    }

    @Override
    public String toString() {
        return message;
    }
}
