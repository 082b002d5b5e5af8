package io.gatewatch.cli;

import io.gatewatch.app.runtime.UsageError;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmarks, which the {@code ./gatewatch} script runs itself before Java starts (they need
 * the benchmarks' jar and JVM options, not this one's). Listed here so that {@code --help} names
 * them; reached only when this class path is run directly, and then they say how to run them.
 */
final class LauncherCommands {

    private LauncherCommands() {
    }

    @Command(name = "bench", description = {"End-to-end benchmark on an embedded broker (run by the launcher script).",
            "./gatewatch bench [--events N] [--latency-seconds S] [--rate R] [--threads T] [--set KEY=VALUE]"})
    static final class Bench implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            throw new UsageError(spec.commandLine(), "bench runs from the launcher script: ./gatewatch bench");
        }
    }

    @Command(name = "bench-classifier", description = "JMH benchmark of parse + classify (run by the launcher script).")
    static final class BenchClassifier implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            throw new UsageError(spec.commandLine(), "bench-classifier runs from the launcher script: ./gatewatch bench-classifier");
        }
    }
}
