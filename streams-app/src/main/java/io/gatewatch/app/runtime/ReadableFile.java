package io.gatewatch.app.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Checks a file named on the command line before it is opened: a directory, a missing file or one
 * without read permission becomes one line naming the path (never the content), not a Java trace.
 */
public final class ReadableFile {

    private ReadableFile() {
    }

    /** Why {@code path} cannot be read as a file, or null when it can. */
    public static String problem(Path path) {
        if (Files.isDirectory(path)) {
            return "it is a directory, not a file";
        }
        if (!Files.exists(path)) {
            return "no such file";
        }
        if (!Files.isReadable(path)) {
            return "permission denied";
        }
        return null;
    }

    /**
     * Fails with a one-line usage error (exit 2) when {@code path} cannot be read as a file;
     * {@code option} names what it was given for ({@code --config}), empty for an input file.
     */
    public static void require(CommandLine commandLine, Path path, String option) {
        String problem = problem(path);
        if (problem == null) {
            return;
        }
        if (option.isEmpty() && Files.isDirectory(path)) {
            // input files are many: the directory's files are what was meant
            problem += "; name the files in it (" + path.resolve("*") + ")";
        }
        throw new UsageError(commandLine, "cannot read " + (option.isEmpty() ? "" : option + " ") + path + ": " + problem);
    }
}
