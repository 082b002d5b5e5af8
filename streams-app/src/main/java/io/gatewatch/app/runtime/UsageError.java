package io.gatewatch.app.runtime;

import picocli.CommandLine;

/**
 * A usage error whose message is the whole story ("X is a directory, not a file"): printed as one
 * line and exit 2, without the pointer to {@code --help} that picocli's own parse errors get.
 */
public final class UsageError extends CommandLine.ParameterException {

    private static final long serialVersionUID = 1L;

    public UsageError(CommandLine commandLine, String message) {
        super(commandLine, message);
    }
}
