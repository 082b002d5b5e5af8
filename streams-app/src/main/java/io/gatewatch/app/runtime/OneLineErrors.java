package io.gatewatch.app.runtime;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;

/**
 * Usage errors as one line on stderr and exit 2 (the README's code), for every command: picocli
 * would print the message and then the whole usage text, burying the one line that matters. An
 * input or output failure while a command runs (a disk error, a file that vanished) is one line
 * too, exit 1; any other exception is a bug and keeps its stack trace.
 */
public final class OneLineErrors implements CommandLine.IParameterExceptionHandler,
        CommandLine.IExecutionExceptionHandler {

    /** Exit code of a command that failed while running (input or output). */
    public static final int EXIT_FAILED = 1;

    private OneLineErrors() {
    }

    /** Installs the handler on a command line (and so on all its subcommands); returns it. */
    public static CommandLine install(CommandLine commandLine) {
        OneLineErrors handler = new OneLineErrors();
        return commandLine.setParameterExceptionHandler(handler).setExecutionExceptionHandler(handler);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult)
            throws Exception {
        Throwable io = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        if (!(io instanceof IOException)) {
            throw e;
        }
        PrintWriter err = command.getErr();
        err.println("gatewatch: " + describe((IOException) io));
        err.flush();
        return EXIT_FAILED;
    }

    /** Jackson's messages quote the input they choke on, which may be personal data: only where. */
    static String describe(IOException e) {
        if (e instanceof JacksonException json) {
            JsonLocation where = json.getLocation();
            return "malformed JSON" + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().replace('\n', ' ');
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
