package io.gatewatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * What analyze and evaluate take — the logs, the org directory, the rule settings — and the one
 * run over them: the streaming topology offline ({@link OfflineTopology}).
 */
final class OfflineAnalysis {

    @Mixin
    InputFiles input;

    @Mixin
    OrgsFile orgs;

    @Mixin
    RulesFile rules;

    /** Fails with a usage error (exit 2) naming the first input that cannot be opened. */
    void requireReadable(CommandLine commandLine) {
        input.requireReadable(commandLine);
    }

    boolean hasFiles() {
        return !input.files.isEmpty();
    }

    /** Alerts and closed windows go to {@code output} in order; returns how many records could not be analyzed. */
    long run(PrintWriter err, Consumer<Object> output) throws IOException {
        return OfflineTopology.run(rules.offlineConfig(), input, orgs.entries(), err, output);
    }
}
