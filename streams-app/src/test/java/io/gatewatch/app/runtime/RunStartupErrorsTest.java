package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code run} refuses what it cannot start with before it contacts a broker: one line on stderr
 * naming the file, or the key and where its value came from; exit 2; no trace anywhere.
 */
class RunStartupErrorsTest {

    @TempDir
    Path dir;

    /** A configuration whose broker never answers: reaching it would take the 30 s timeout and exit 1. */
    private Path config;

    @BeforeEach
    void configWithAClosedBrokerPort() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        config = Files.writeString(dir.resolve("gatewatch.properties"), "bootstrap.servers=127.0.0.1:" + closedPort
                + "\nstartup.broker-timeout=PT30S\nhttp.port=0\nstate.dir=" + dir.resolve("state") + "\n");
    }

    static void assertOneLine(CommandRun run, String... mentions) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line).startsWith("gatewatch: ").contains(mentions));
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Usage:");
    }

    @Test
    void aMissingConfigFileIsOneLine() {
        Path missing = dir.resolve("missing.properties");

        assertOneLine(quietly(() -> CommandRun.run(Map.of(), "--config", missing.toString(), "--metrics-port", "0")),
                "--config " + missing, "no such file");
    }

    @Test
    void aDirectoryAsConfigFileIsOneLine() {
        assertOneLine(quietly(() -> CommandRun.run(Map.of(), "--config", dir.toString(), "--metrics-port", "0")),
                "--config " + dir, "is a directory");
    }

    @Test
    void aRuleValueThatIsNoNumberInTheEnvironmentIsRefusedNamingTheVariable() {
        CommandRun run = quietly(() -> CommandRun.run(Map.of("GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD", "abc"),
                "--config", config.toString(), "--metrics-port", "0"));

        assertOneLine(run, "rule.BRUTE_FORCE.threshold", "whole number", "'abc'", "env GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aGatewatchVariableThatNamesNoKeyStopsRunNamingTheVariableAndTheNearestKey() {
        CommandRun run = quietly(() -> CommandRun.run(Map.of("GATEWATCH_STARTUP_BROKER_TIMOUT", "PT5S"),
                "--config", config.toString(), "--metrics-port", "0"));

        assertOneLine(run, "invalid configuration: env GATEWATCH_STARTUP_BROKER_TIMOUT:",
                "nearest known key is startup.broker-timeout (GATEWATCH_STARTUP_BROKER_TIMEOUT)");
        assertThat(quietly(() -> CommandRun.run(Map.of("GATEWATCH_STARTUP_BROKER_TIMOUT", "PT5S"),
                "--config", config.toString(), "--check")).exitCode()).isEqualTo(2);
    }

    @Test
    void aBadKafkaValueStopsRunBeforeTheBrokerNamingTheVariable() {
        CommandRun run = quietly(() -> CommandRun.run(Map.of("KAFKA_NUM_STREAM_THREADS", "two"),
                "--config", config.toString(), "--metrics-port", "0"));

        assertOneLine(run, "env KAFKA_NUM_STREAM_THREADS: num.stream.threads must be a whole number (int), was 'two'");
    }

    @Test
    void aBadDurationInTheFileIsRefusedNamingTheFile() throws IOException {
        Files.writeString(config, "rule.BRUTE_FORCE.window=ten minutes\n", java.nio.file.StandardOpenOption.APPEND);

        assertOneLine(quietly(() -> CommandRun.run(Map.of(), "--config", config.toString(), "--metrics-port", "0")),
                "rule.BRUTE_FORCE.window", "ISO-8601 duration", "file " + config);
    }

    @Test
    void checkPrintsTheConfigurationAndStartsNothing() {
        CommandRun run = quietly(() -> CommandRun.run(Map.of("GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD", "15"),
                "--config", config.toString(), "--check"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).contains("rule.BRUTE_FORCE.threshold = 15  (env GATEWATCH_RULE_BRUTE_FORCE_THRESHOLD)",
                "startup.broker-timeout = PT30S  (file " + config + ")");
    }

    /** Runs with the root logger captured; fails if any log line carries a stack trace. */
    private static CommandRun quietly(Supplier<CommandRun> command) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            return command.get();
        } finally {
            root.detachAppender(logs);
            assertThat(logs.list).as("no stack trace in any log line").allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        }
    }
}
