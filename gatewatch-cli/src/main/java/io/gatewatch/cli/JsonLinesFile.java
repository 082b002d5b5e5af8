package io.gatewatch.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.app.runtime.ReadableFile;
import io.gatewatch.app.runtime.UsageError;
import io.gatewatch.schema.read.JsonMappers;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * A JSON-lines file given as an option ({@code evaluate --labels}, {@code --alerts}): every
 * line parsed, and a line that is not JSON — a file cut off while written, a wrong file — is a
 * one-line usage error naming the file and line. Jackson's own message is not shown: it quotes
 * the input, which may hold user names.
 */
final class JsonLinesFile {

    /** One non-blank line, parsed, with its number for later errors. */
    record Line(int number, JsonNode json) {
    }

    private final Path file;
    private final String option;

    JsonLinesFile(Path file, String option) {
        this.file = file;
        this.option = option;
    }

    List<Line> read(CommandLine commandLine) throws IOException {
        ReadableFile.require(commandLine, file, option);
        ObjectMapper mapper = JsonMappers.internal();
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    lines.add(new Line(number, mapper.readTree(line)));
                } catch (JacksonException e) {
                    throw error(commandLine, number, e instanceof JsonEOFException
                            ? "truncated JSON (the line ends inside a value; was the file cut off?)" : "not valid JSON");
                }
            }
        }
        return lines;
    }

    /** Converts a line to {@code type}, or fails naming the line and what it should have been. */
    <T> T convert(CommandLine commandLine, Line line, Class<T> type, String expected) {
        try {
            return JsonMappers.internal().treeToValue(line.json(), type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw error(commandLine, line.number(), "not " + expected);
        }
    }

    private UsageError error(CommandLine commandLine, int number, String reason) {
        return new UsageError(commandLine, option + " " + file + ": line " + number + ": " + reason);
    }
}
