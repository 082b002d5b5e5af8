package io.gatewatch.cli;

import io.gatewatch.app.runtime.ConfigCommand;
import io.gatewatch.app.runtime.OneLineErrors;
import io.gatewatch.app.runtime.RunCommand;
import io.gatewatch.generator.cli.GenerateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./gatewatch} command line: one launcher, one subcommand per job (DESIGN §10). */
@Command(name = "gatewatch", mixinStandardHelpOptions = true, version = "gatewatch 0.1.0",
        description = "Streaming sign-in log analyzer for Microsoft Entra ID and Dynamics 365.",
        subcommands = {ClassifyCommand.class, AnalyzeCommand.class, DiagnoseCommand.class, RunCommand.class,
                ConfigCommand.class, TokenCommand.class, RulesCommand.class, DemoCommand.class, GenerateCommand.class, EvaluateCommand.class,
                LauncherCommands.Bench.class, LauncherCommands.BenchClassifier.class,
                CommandLine.HelpCommand.class})
public final class Gatewatch implements Runnable {

    /** Exit code when some records could not be read (the rest were processed). */
    public static final int EXIT_UNREADABLE_RECORDS = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        // picocli exits 2 on invalid input; the message is one line, without the usage text
        return OneLineErrors.install(new CommandLine(new Gatewatch()));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
