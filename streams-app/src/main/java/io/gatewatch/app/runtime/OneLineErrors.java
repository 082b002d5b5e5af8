package io.gatewatch.app.runtime;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Usage errors as one line on stderr and exit 2 (the README's code), for every command: picocli
 * would print the message and then the whole usage text, burying the one line that matters.
 */
public final class OneLineErrors implements CommandLine.IParameterExceptionHandler {

    private OneLineErrors() {
    }

    /** Installs the handler on a command line (and so on all its subcommands); returns it. */
    public static CommandLine install(CommandLine commandLine) {
        return commandLine.setParameterExceptionHandler(new OneLineErrors());
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(line(e));
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String line(CommandLine.ParameterException e) {
        String message = String.valueOf(e.getMessage()).strip().replace('\n', ' ');
        if (e instanceof UsageError) {
            return "gatewatch: " + message;
        }
        String hint = "";
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                hint = "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
            }
        }
        return "gatewatch: " + message + hint + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                + " --help')";
    }
}
