package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** {@code run} with no broker at its address: one line naming bootstrap.servers, exit 1, no stack trace. */
class StartupWithoutBrokerTest {

    @Test
    void runEndsWithOneLineNamingTheAddressWhenNoBrokerAnswers(@TempDir Path dir) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path config = dir.resolve("gatewatch.properties");
        Files.writeString(config, "bootstrap.servers=127.0.0.1:" + closedPort + "\nstartup.broker-timeout=PT2S\n"
                + "http.port=0\nstate.dir=" + dir.resolve("state") + "\n");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        int exit;
        try {
            exit = new CommandLine(new RunCommand()).execute("--config", config.toString(), "--metrics-port", "0");
        } finally {
            root.detachAppender(logs);
        }

        assertThat(exit).isEqualTo(1);
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage())
                        .contains("bootstrap.servers=127.0.0.1:" + closedPort, "startup.broker-timeout"));
        assertThat(logs.list).as("no stack trace in any line").allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    }

    @Test
    void connectionWarningsPassOnceAMinute() {
        AtomicLong now = new AtomicLong(1_000_000);
        ConnectionWarningThrottle throttle = new ConnectionWarningThrottle(now::get);
        Logger network = new LoggerContext().getLogger("org.apache.kafka.clients.NetworkClient");
        String format = "[{}] Connection to node {} ({}) could not be established. Node may not be available.";

        assertThat(throttle.decide(null, network, Level.WARN, format, null, null)).isEqualTo(FilterReply.NEUTRAL);
        now.addAndGet(59_000);
        assertThat(throttle.decide(null, network, Level.WARN, format, null, null)).isEqualTo(FilterReply.DENY);
        assertThat(throttle.decide(null, network, Level.ERROR, format, null, null)).as("errors always pass")
                .isEqualTo(FilterReply.NEUTRAL);
        now.addAndGet(1_000);
        assertThat(throttle.decide(null, network, Level.WARN, format, null, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(throttle.decide(null, network, Level.ERROR, "[AdminClient clientId=" + BrokerWait.CLIENT_ID
                + "] Connection to node {} failed authentication due to: {}", null, null))
                .as("the start-up wait speaks through its own one line").isEqualTo(FilterReply.DENY);
    }

    @Test
    void retriableMetadataWarningsPassOnceAMinuteApartFromConnectionWarnings() {
        AtomicLong now = new AtomicLong(1_000_000);
        ConnectionWarningThrottle throttle = new ConnectionWarningThrottle(now::get);
        Logger network = new LoggerContext().getLogger("org.apache.kafka.clients.NetworkClient");
        String metadata = "[{}] The metadata response from the cluster reported a recoverable issue with correlation id {} : {}";
        String connection = "[{}] Connection to node {} ({}) could not be established. Node may not be available.";

        assertThat(throttle.decide(null, network, Level.WARN, metadata, null, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(throttle.decide(null, network, Level.WARN, metadata, null, null)).isEqualTo(FilterReply.DENY);
        assertThat(throttle.decide(null, network, Level.WARN, connection, null, null)).as("a slot of its own")
                .isEqualTo(FilterReply.NEUTRAL);
        now.addAndGet(60_000);
        assertThat(throttle.decide(null, network, Level.WARN, metadata, null, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(throttle.decide(null, network, Level.WARN, "[{}] Something else", null, null)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void theShippedLogConfigurationInstallsTheThrottle() throws IOException {
        try (InputStream in = RunCommand.class.getResourceAsStream("/logback.xml")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("<turboFilter class=\"" + ConnectionWarningThrottle.class.getName() + "\"/>");
        }
    }
}
