package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** How a {@link ChildInstance} logs, and what its log may not contain. */
final class ChildLogs {

    private static final String LATE_RECORDS =
            "<logger name=\"org.apache.kafka.streams.kstream.internals.KStreamWindowAggregate\" level=\"ERROR\"/>";

    private ChildLogs() {
    }

    /**
     * Writes the children's logback configuration into {@code dir}: the shipped {@code logback.xml},
     * so a child's log is what an operator's instance writes (every logger at its shipped level,
     * exceptions without their messages), but keeping Kafka Streams' late-record warnings: they
     * explain lost windows.
     */
    static Path config(Path dir) throws IOException {
        String shipped;
        try (var in = ChildLogs.class.getResourceAsStream("/logback.xml")) {
            if (in == null) {
                throw new IllegalStateException("the shipped logback.xml is not on the class path");
            }
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!shipped.contains(LATE_RECORDS)) {
            throw new IllegalStateException("the shipped logback.xml no longer silences late records as " + LATE_RECORDS);
        }
        Path config = dir.resolve("child-logback.xml");
        Files.writeString(config, shipped.replace(LATE_RECORDS, LATE_RECORDS.replace("ERROR", "WARN")));
        return config;
    }

    /**
     * Asserts that the instances did log, and that no line of any of their logs (every logger's,
     * Kafka's included, standard output and error) contains any of {@code fragments}: the users and
     * addresses of their input.
     */
    static void assertNoLineQuotes(List<ChildInstance> instances, Collection<String> fragments) throws IOException {
        for (ChildInstance instance : instances) {
            assertThat(instance.log()).as("log of instance " + instance.name).isNotEmpty();
            assertThat(instance.logLinesQuoting(fragments)).as("lines of instance " + instance.name
                    + "'s log that quote a user or an address of the input").isEmpty();
        }
    }
}
