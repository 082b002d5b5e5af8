package io.gatewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.TenantAggregate;
import io.gatewatch.schema.ocsf.OcsfDetectionFinding;
import io.gatewatch.schema.read.JsonMappers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gatewatch analyze}: the streaming topology and rules over exported logs, offline. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Run the streaming topology and rules over exported logs; print alerts and closed aggregates.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record was read", "2:usage error", "3:some records were unreadable (reported on stderr)"})
final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    OfflineAnalysis analysis;

    @CommandLine.Option(names = "--ocsf", description = "Print only the alerts, each an OCSF 1.1 Detection Finding "
            + "(class 2004) on a line of its own, for a SIEM or Security Lake to ingest as they are.")
    boolean ocsf;

    @CommandLine.Option(names = "--alerts-only", description = "Print only the alerts, not the aggregates "
            + "(a day of logs closes thousands of tenant windows around a few dozen alerts).")
    boolean alertsOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        analysis.requireReadable(spec.commandLine());
        ObjectMapper mapper = JsonMappers.internal();
        Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
        long unreadable;
        try {
            unreadable = analysis.run(spec.commandLine().getErr(), value -> {
                if (ocsf) {
                    if (value instanceof Alert alert) {
                        write(mapper, out, OcsfDetectionFinding.of(alert));
                    }
                } else if (!alertsOnly || value instanceof Alert) {
                    print(mapper, out, value);
                }
            });
        } finally {
            out.flush();
        }
        return unreadable == 0 ? 0 : Gatewatch.EXIT_UNREADABLE_RECORDS;
    }

    private static void print(ObjectMapper mapper, Writer out, Object value) {
        ObjectNode line = mapper.createObjectNode();
        line.put("type", value instanceof TenantAggregate ? "aggregate" : "alert");
        line.setAll((ObjectNode) mapper.valueToTree(value));
        write(mapper, out, line);
    }

    private static void write(ObjectMapper mapper, Writer out, ObjectNode line) {
        try {
            out.write(mapper.writeValueAsString(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
