package io.gatewatch.app.runtime;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gatewatch config}: what {@code run} would run with, checked without a broker — the same
 * as {@code run --check}, as a command of its own so a newcomer finds it in the help.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Check a configuration without a broker (the same as 'run --check').",
                "Prints every key with its effective value and where it came from (default, file, which environment "
                        + "variable), secrets masked, then the key each GATEWATCH_/KAFKA_ variable sets; reports each "
                        + "bad value, unknown key or GATEWATCH_ variable that names no key as one line on stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the configuration is sound",
                "2:a bad value, an unknown key, a GATEWATCH_ variable that names no key or an unreadable --config "
                        + "file (one line each on stderr)"})
public final class ConfigCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ConfigFileOption configFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        return ConfigReport.print(configFile.read(commandLine), commandLine.getOut(), commandLine.getErr());
    }
}
