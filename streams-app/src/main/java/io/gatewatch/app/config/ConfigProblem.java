package io.gatewatch.app.config;

/**
 * One thing wrong with a configuration: the message names the key (null when it concerns several
 * keys together) and, once known, where the value came from.
 */
public record ConfigProblem(String key, String message) {

    /**
     * The message led by the value's origin, {@code env GATEWATCH_X: ...} or {@code file F: ...};
     * for an unknown key set by a variable that was meant for a known key, why: a variable cannot
     * spell every key.
     */
    ConfigProblem from(ConfigOrigin origin) {
        if (origin == null || origin.kind() == ConfigOrigin.Kind.DEFAULT) {
            return this;
        }
        String text = origin + ": " + message;
        String meant = origin.kind() == ConfigOrigin.Kind.ENVIRONMENT && key != null && !KnownKeys.known(key)
                ? KnownKeys.spelledAlike(key) : null;
        if (meant != null) {
            text += "; a variable cannot spell " + meant + " (each _ becomes '.'): set it in the --config file";
        }
        return new ConfigProblem(key, text);
    }

    @Override
    public String toString() {
        return message;
    }
}
