package io.gatewatch.app.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code run} or {@code config} in-process with a given environment, capturing what they print. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun run(Map<String, String> environment, String... args) {
        RunCommand command = new RunCommand();
        CommandLine commandLine = new CommandLine(command);
        command.configFile.environment = environment;
        return execute(commandLine, args);
    }

    static CommandRun config(Map<String, String> environment, String... args) {
        ConfigCommand command = new ConfigCommand();
        CommandLine commandLine = new CommandLine(command);
        command.configFile.environment = environment;
        return execute(commandLine, args);
    }

    private static CommandRun execute(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        OneLineErrors.install(commandLine);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
