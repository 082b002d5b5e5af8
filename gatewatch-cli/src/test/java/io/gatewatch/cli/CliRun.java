package io.gatewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.schema.read.JsonMappers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it printed. */
record CliRun(int exitCode, String out, String err) {

    /** The real exports shipped with the event-schema tests (sources in their README). */
    static final Path SAMPLES = Path.of("../event-schema/src/test/resources/samples").toAbsolutePath().normalize();

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Gatewatch.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** As {@link #run}, with {@code stdin} as standard input. */
    static synchronized CliRun runWithStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    /** Every stdout line parsed as JSON. */
    List<JsonNode> json() {
        return outLines().stream().map(line -> {
            try {
                return JsonMappers.internal().readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }).toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
