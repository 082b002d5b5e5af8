package io.gatewatch.generator.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes Log Analytics rows the way the Azure portal's "Export to CSV" does: time columns as
 * {@code CreatedDateTime [UTC]} in the portal's US format, and each dynamic column split into a
 * {@code _dynamic} / {@code _string} pair of which one is filled.
 */
public final class LogAnalyticsCsvWriter implements Closeable {

    private static final Set<String> DYNAMIC = Set.of("Status", "LocationDetails", "DeviceDetail",
            "ConditionalAccessPolicies");
    private static final Set<String> TIMES = Set.of("CreatedDateTime", "TimeGenerated");
    private static final DateTimeFormatter PORTAL_TIME =
            DateTimeFormatter.ofPattern("M/d/yyyy, h:mm:ss.SSS a", Locale.US).withZone(ZoneOffset.UTC);

    private final CSVPrinter printer;
    private List<String> columns;

    public LogAnalyticsCsvWriter(Writer out) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
    }

    /** Writes one row; the first row fixes the header. */
    public void write(ObjectNode row) throws IOException {
        if (columns == null) {
            columns = new ArrayList<>();
            for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
                columns.add(it.next());
            }
            printer.printRecord(header());
        }
        List<String> values = new ArrayList<>(columns.size() + DYNAMIC.size());
        for (String column : columns) {
            JsonNode value = row.get(column);
            String text = value == null || value.isNull() ? "" : value.asText();
            if (DYNAMIC.contains(column)) {
                values.add(text);
                values.add("");
            } else if (TIMES.contains(column) && !text.isEmpty()) {
                values.add(PORTAL_TIME.format(Instant.parse(text)));
            } else {
                values.add(value != null && value.isBoolean() ? text.toUpperCase(Locale.ROOT) : text);
            }
        }
        printer.printRecord(values);
    }

    private List<String> header() {
        List<String> header = new ArrayList<>();
        for (String column : columns) {
            if (DYNAMIC.contains(column)) {
                header.add(column + "_dynamic");
                header.add(column + "_string");
            } else {
                header.add(TIMES.contains(column) ? column + " [UTC]" : column);
            }
        }
        return header;
    }

    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
