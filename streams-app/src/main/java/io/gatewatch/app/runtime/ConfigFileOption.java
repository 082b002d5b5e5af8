package io.gatewatch.app.runtime;

import io.gatewatch.app.config.ConfigLayers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --config} option of {@code run} and {@code config}, and the layers it gives with the environment. */
final class ConfigFileOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (keys: docs/operations.md); GATEWATCH_ and KAFKA_ environment variables override it.")
    Path file;

    /** The process environment; a test's own map in tests. */
    Map<String, String> environment = System.getenv();

    /** Defaults < file < environment; a file that cannot be read is a one-line usage error (exit 2), before any broker. */
    ConfigLayers read(CommandLine commandLine) {
        if (file != null) {
            ReadableFile.require(commandLine, file, "--config");
        }
        try {
            return ConfigLayers.read(file, environment);
        } catch (IOException | IllegalArgumentException e) {
            // Properties' own messages name the fault ("Malformed \\uxxxx encoding."), never a value
            throw new UsageError(commandLine, "cannot read --config " + file + ": " + e.getMessage());
        }
    }
}
