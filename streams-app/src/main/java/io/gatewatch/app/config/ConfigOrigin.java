package io.gatewatch.app.config;

import java.nio.file.Path;

/**
 * Where a configuration value came from, for messages and the {@code config} listing: the
 * built-in default, the properties file, or which environment variable.
 */
public record ConfigOrigin(Kind kind, String where) {

    public enum Kind { DEFAULT, FILE, ENVIRONMENT }

    public static final ConfigOrigin DEFAULT = new ConfigOrigin(Kind.DEFAULT, null);

    public static ConfigOrigin file(Path file) {
        return new ConfigOrigin(Kind.FILE, file.toString());
    }

    public static ConfigOrigin environment(String variable) {
        return new ConfigOrigin(Kind.ENVIRONMENT, variable);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DEFAULT -> "default";
            case FILE -> "file " + where;
            case ENVIRONMENT -> "env " + where;
        };
    }
}
