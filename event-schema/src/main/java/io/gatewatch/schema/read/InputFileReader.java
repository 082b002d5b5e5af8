package io.gatewatch.schema.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads an exported log file (or stdin) of any layout: JSON lines, one pretty-printed JSON
 * document (envelope, Graph page, array or single record, possibly several in a row), or a
 * Log Analytics CSV export. Every record is handed to the sink as it is read, in input order,
 * with its position; memory stays bounded by the record limit however large the file.
 */
public final class InputFileReader {

    private final RecordDecoder decoder;

    public InputFileReader(RecordDecoder decoder) {
        this.decoder = decoder;
    }

    public void read(InputStream input, Consumer<ReadResult> sink) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
        switch (InputLayout.detect(in, decoder)) {
            case JSON_LINES -> readLines(in, sink);
            case JSON_DOCUMENT -> new JsonDocumentReader(decoder).read(in, sink);
            case CSV -> new CsvExportReader(decoder).read(in, sink);
            case EMPTY -> { }
        }
    }

    private void readLines(InputStream in, Consumer<ReadResult> sink) throws IOException {
        BoundedLineReader lines = new BoundedLineReader(in, decoder.limits().maxRecordBytes());
        for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
            String position = "line " + line.number();
            if (line.oversized()) {
                sink.accept(new ReadResult.Unreadable(position, "record of " + line.length()
                        + " bytes exceeds the limit of " + decoder.limits().maxRecordBytes()));
            } else if (!line.blank()) {
                decoder.decode(line.bytes(), position).forEach(sink);
            }
        }
    }
}
