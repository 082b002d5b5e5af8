package io.gatewatch.schema.read;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the Azure portal's Log Analytics CSV export. Its headers decorate the column names:
 * {@code CreatedDateTime [UTC]}, and dynamic columns split into {@code Status_dynamic} /
 * {@code Status_string} pairs of which one is filled. Both are folded back to the plain column
 * name, then the row is read like a Log Analytics JSON row.
 */
final class CsvExportReader {

    static final String FORMAT = "log-analytics-csv";

    /** A sign-in export has at least one of these columns. */
    private static final Set<String> SIGN_IN_COLUMNS =
            Set.of("Id", "CreatedDateTime", "UserPrincipalName", "ResultType", "TimeGenerated");

    private final RecordDecoder decoder;

    CsvExportReader(RecordDecoder decoder) {
        this.decoder = decoder;
    }

    void read(InputStream in, Consumer<ReadResult> sink) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).get();
        CSVParser opened;
        try {
            opened = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format);
        } catch (CSVException | IllegalArgumentException e) {
            // an unclosed quote or a repeated column name in the header line: nothing after it can be trusted
            sink.accept(new ReadResult.Unreadable("header", "malformed CSV header; input not read"));
            return;
        }
        try (CSVParser parser = opened) {
            List<String> headers = parser.getHeaderNames().stream().map(CsvExportReader::columnName).toList();
            if (headers.stream().noneMatch(SIGN_IN_COLUMNS::contains)) {
                // one line for the whole file, not one per row, when this is not an export at all
                sink.accept(new ReadResult.Unreadable("header", "not a JSON or Log Analytics CSV sign-in export"));
                return;
            }
            for (CSVRecord row : iterate(parser, sink)) {
                String position = "row " + row.getRecordNumber();
                if (row.size() != headers.size()) { // (isConsistent compares with the header map, which folds blank names)
                    sink.accept(new ReadResult.Unreadable(position, "row has " + row.size()
                            + " columns but the header has " + headers.size()));
                    continue;
                }
                try {
                    sink.accept(new ReadResult.Read(position, decoder.readCsvRow(toObject(headers, row))));
                } catch (UnreadableRecordException e) {
                    sink.accept(new ReadResult.Unreadable(position, e.getMessage()));
                }
            }
        }
    }

    /** Stops cleanly (with a reported reason) when the CSV itself is broken, e.g. an unclosed quote. */
    private static Iterable<CSVRecord> iterate(CSVParser parser, Consumer<ReadResult> sink) {
        return () -> new Iterator<>() {
            private final Iterator<CSVRecord> rows = parser.iterator();

            @Override
            public boolean hasNext() {
                try {
                    return rows.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    sink.accept(new ReadResult.Unreadable("row " + (parser.getRecordNumber() + 1),
                            "malformed CSV; rest of input not read"));
                    return false;
                }
            }

            @Override
            public CSVRecord next() {
                return rows.next();
            }
        };
    }

    private static ObjectNode toObject(List<String> headers, CSVRecord row) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < headers.size(); i++) {
            String cell = row.get(i);
            if (!cell.isEmpty() && !headers.get(i).isEmpty()) {
                object.put(headers.get(i), cell);
            }
        }
        return object;
    }

    static String columnName(String header) {
        String name = header.strip();
        int bracket = name.indexOf(" [");
        if (bracket > 0) {
            name = name.substring(0, bracket);
        }
        if (name.endsWith("_dynamic")) {
            return name.substring(0, name.length() - "_dynamic".length());
        }
        if (name.endsWith("_string")) {
            return name.substring(0, name.length() - "_string".length());
        }
        return name;
    }
}
