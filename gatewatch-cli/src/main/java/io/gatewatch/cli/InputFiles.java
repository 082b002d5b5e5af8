package io.gatewatch.cli;

import io.gatewatch.app.runtime.ReadableFile;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.read.InputFileReader;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The input options shared by {@code classify} and {@code analyze}, and the loop that reads every
 * file in order, hands each event on and reports each unreadable record on stderr as
 * {@code FILE: POSITION: REASON} — never with the payload — and each file without a record.
 */
final class InputFiles {

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Exported logs: JSON lines, JSON array, pretty JSON document or CSV; '-' or none for stdin.")
    List<String> files = List.of();

    @Option(names = "--tenant", paramLabel = "TENANT_ID",
            description = "Tenant for records that carry none (Graph v1.0 exports).")
    String defaultTenant;

    @Option(names = "--max-record-bytes", paramLabel = "BYTES", defaultValue = "4194304",
            description = "Largest record accepted; larger ones are reported and skipped (default: ${DEFAULT-VALUE}).")
    int maxRecordBytes;

    /** Fails with a one-line usage error (exit 2) naming the first file that cannot be read, or a directory. */
    void requireReadable(picocli.CommandLine commandLine) {
        for (String file : files) {
            if (!file.equals("-")) {
                ReadableFile.require(commandLine, Path.of(file), "");
            }
        }
    }

    /** Reads every input; returns how many records were unreadable. */
    long readAll(Consumer<InputEvent> events, PrintWriter err) throws IOException {
        InputFileReader reader = new InputFileReader(
                new RecordDecoder(new ReaderLimits(maxRecordBytes, ReaderLimits.DEFAULT.maxNestingDepth())));
        long[] unreadable = {0};
        for (String file : files.isEmpty() ? List.of("-") : files) {
            String name = file.equals("-") ? "<stdin>" : file;
            long[] records = {0};
            try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
                reader.read(in, result -> {
                    records[0]++;
                    if (result instanceof ReadResult.Read read) {
                        InputEvent event = read.event();
                        events.accept(event.tenantId() == null && defaultTenant != null
                                ? event.withTenantId(defaultTenant) : event);
                    } else if (result instanceof ReadResult.Unreadable bad) {
                        unreadable[0]++;
                        err.println("gatewatch: " + name + ": " + bad.position() + ": " + bad.reason());
                    }
                });
            }
            if (records[0] == 0) {
                // not an error (an export of a quiet hour is empty), but a wrong file or an empty pipe looks the same
                err.println("gatewatch: " + name + ": no records in it (empty input)");
            }
        }
        err.flush();
        return unreadable[0];
    }
}
