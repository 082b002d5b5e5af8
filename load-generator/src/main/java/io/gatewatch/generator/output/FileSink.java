package io.gatewatch.generator.output;

import io.gatewatch.generator.GeneratedEvent;
import io.gatewatch.generator.GeneratedRecord;
import io.gatewatch.generator.format.JsonRecordEncoder;
import io.gatewatch.generator.format.LogAnalyticsCsvWriter;
import io.gatewatch.generator.format.LogAnalyticsRowBuilder;
import io.gatewatch.generator.format.OutputFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes JSON lines (one record or envelope per line), or a portal-style CSV export. A CSV
 * holds sign-ins only, so Dynamics accesses go to a JSON-lines file beside it
 * ({@code <file>.dynamics.jsonl}); pass both to {@code analyze}.
 */
public final class FileSink implements EventSink {

    private final Writer out;
    private final String description;
    private final JsonRecordEncoder encoder;
    private final LogAnalyticsCsvWriter csv;
    private final Path dynamicsPath;
    private Writer dynamics;
    private boolean closed;

    public FileSink(Path path, OutputStream stdout, OutputFormat format, int batchSize) throws IOException {
        OutputStream stream = path == null ? stdout : Files.newOutputStream(path);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.description = path == null ? "standard output" : path.toString();
        if (format == OutputFormat.CSV) {
            if (path == null) {
                throw new IllegalArgumentException("the csv format needs --output FILE (Dynamics events go beside it)");
            }
            this.csv = new LogAnalyticsCsvWriter(out);
            this.encoder = new JsonRecordEncoder(OutputFormat.GRAPH, 1);
            this.dynamicsPath = path.resolveSibling(path.getFileName() + ".dynamics.jsonl");
        } else {
            this.csv = null;
            this.encoder = new JsonRecordEncoder(format, batchSize);
            this.dynamicsPath = null;
        }
    }

    @Override
    public void write(GeneratedEvent event) throws IOException {
        if (csv != null && event instanceof GeneratedEvent.SignIn signIn) {
            csv.write(LogAnalyticsRowBuilder.build(signIn.spec()));
            return;
        }
        try {
            encoder.encode(event, this::line);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void line(GeneratedRecord record) {
        try {
            Writer target = out;
            if (csv != null) {
                if (dynamics == null) {
                    dynamics = Files.newBufferedWriter(dynamicsPath, StandardCharsets.UTF_8);
                }
                target = dynamics;
            }
            target.write(record.json());
            target.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long errors() {
        return 0;
    }

    @Override
    public String describe() {
        return dynamics == null ? description : description + " (Dynamics events: " + dynamicsPath + ")";
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            encoder.flush(this::line);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (csv != null) {
            csv.flush();
        }
        out.flush();
        if (dynamics != null) {
            dynamics.close();
        }
        if (!description.equals("standard output")) {
            out.close();
        }
    }
}
