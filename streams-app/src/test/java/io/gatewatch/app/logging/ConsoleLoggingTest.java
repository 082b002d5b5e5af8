package io.gatewatch.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The bench's and the demo's consoles: a Kafka client retrying while topics are created (a WARN
 * of {@code NetworkClient}), the embedded broker's controller starting, Jetty's start-up notes —
 * none of them reaches the console; an error of any library and Gatewatch's own warnings do.
 * (The demo's whole console, in its own JVM: {@code DemoSigintIT}.)
 */
class ConsoleLoggingTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Map<String, Level> before = new HashMap<>();

    @BeforeEach
    void remember() {
        for (String name : new String[] {"org.apache.kafka", "kafka", "io.gatewatch", "org.eclipse.jetty"}) {
            before.put(name, context.getLogger(name).getLevel());
        }
    }

    @AfterEach
    void restore() {
        before.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    @Test
    void librariesSayOnlyErrorsAndGatewatchOnlyWarnings() {
        Logger client = context.getLogger("org.apache.kafka.clients.NetworkClient");
        Logger controller = context.getLogger("kafka.controller.QuorumController");
        Logger jetty = context.getLogger("org.eclipse.jetty.server.Server");
        Logger own = context.getLogger("io.gatewatch.app.runtime.GatewatchApp");
        assertThat(client.isWarnEnabled()).as("Kafka's warnings at the shipped levels").isTrue();

        ConsoleLogging.quiet("org.eclipse.jetty");

        assertThat(client.isWarnEnabled()).as("a client's retriable warning").isFalse();
        assertThat(controller.isWarnEnabled()).as("the embedded broker's warning").isFalse();
        assertThat(jetty.isWarnEnabled()).as("a named library's warning").isFalse();
        assertThat(client.isErrorEnabled()).isTrue();
        assertThat(jetty.isErrorEnabled()).isTrue();
        assertThat(own.isInfoEnabled()).as("Gatewatch's own progress lines").isFalse();
        assertThat(own.isWarnEnabled()).isTrue();
    }
}
