package io.gatewatch.rules.watchlist;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A watchlist file: CSV with a header naming the columns {@code watchlist} and {@code user} (any
 * order, any case; others, such as {@code note}, are ignored), one member a row — the form a
 * Sentinel watchlist or a spreadsheet exports. Lines starting with {@code #} and blank lines are
 * skipped; a byte-order mark (Excel's UTF-8) is allowed. A bad row fails the whole file with one
 * line naming the file, the line and the column, never the value: it may be a user name.
 */
public final class WatchlistFile {

    static final String WATCHLIST = "watchlist";
    static final String USER = "user";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true)
            .setIgnoreHeaderCase(true).setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY).get(); // a trailing comma is an empty column

    private WatchlistFile() {
    }

    /** The members of every file, in one set of lists. */
    public static Watchlists read(List<Path> files) {
        Watchlists lists = new Watchlists();
        for (Path file : files) {
            readInto(file, lists);
        }
        return lists;
    }

    /** Adds one file's members to {@code lists}. */
    private static void readInto(Path file, Watchlists lists) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text; save the CSV as UTF-8");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Lines lines = new Lines(text);
        CSVParser parser; // over text in memory: nothing to close
        try {
            parser = CSVParser.parse(new StringReader(text), FORMAT);
        } catch (IOException | IllegalArgumentException e) {
            // a repeated column name or an unclosed quote in the header; the parser's message would quote it
            throw problem(file, lines.headerLine(), "the header is not valid CSV or repeats a column name");
        }
        List<String> columns = parser.getHeaderNames().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        if (!columns.contains(WATCHLIST) || !columns.contains(USER)) {
            // not echoed: a file without its header starts with a member
            throw problem(file, lines.headerLine(), "the header must name the columns watchlist and user (e.g. watchlist,user,note)");
        }
        Iterator<CSVRecord> rows = parser.iterator();
        while (true) {
            CSVRecord row;
            long linesRead = parser.getCurrentLineNumber(); // the bad row, if any, starts after these
            try {
                if (!rows.hasNext()) {
                    return;
                }
                row = rows.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                // the parser's own message quotes the text around the bad quote
                throw problem(file, lines.rowFrom(linesRead + 1), "not valid CSV (an unclosed or stray quote?)");
            }
            int line = lines.rowAt(row.getCharacterPosition());
            String watchlist = Watchlists.name(value(row, WATCHLIST, file, line));
            if (watchlist == null) {
                throw problem(file, line, "watchlist is not a list name (letters, digits, . _ -, e.g. privileged)");
            }
            String user = Watchlists.user(value(row, USER, file, line));
            if (user == null) {
                throw problem(file, line, "user is not a user principal name (name@domain)");
            }
            lists.add(watchlist, user);
        }
    }

    private static String value(CSVRecord row, String column, Path file, int line) {
        String value = row.isSet(column) ? row.get(column) : null;
        if (value == null || value.isBlank()) {
            throw problem(file, line, column + " is empty");
        }
        return value;
    }

    private static IllegalArgumentException problem(Path file, int line, String message) {
        return new IllegalArgumentException(file + ": line " + line + ": " + message);
    }

    /** Line numbers of rows, which the parser gives as character positions (before any comment or blank line). */
    private static final class Lines {
        private final String[] lines;
        private final int[] starts;

        Lines(String text) {
            lines = text.split("\n", -1);
            starts = new int[lines.length];
            for (int i = 1; i < lines.length; i++) {
                starts[i] = starts[i - 1] + lines[i - 1].length() + 1;
            }
        }

        int headerLine() {
            return rowFrom(1);
        }

        /** The line of the row the parser started reading at character {@code position}. */
        int rowAt(long position) {
            int found = Arrays.binarySearch(starts, (int) position);
            return rowFrom((found >= 0 ? found : -found - 2) + 1L);
        }

        /** The first line from {@code first} on that is not a comment or blank: where a row starts. */
        int rowFrom(long first) {
            for (int i = (int) first - 1; i < lines.length; i++) {
                if (!lines[i].isBlank() && !lines[i].strip().startsWith("#")) {
                    return i + 1;
                }
            }
            return (int) first;
        }
    }
}
