package io.gatewatch.kafka;

import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives integration tests a real Kafka broker as a {@link KafkaBroker} parameter: Testcontainers'
 * Apache Kafka container where a Docker engine answers, the in-process KRaft broker everywhere
 * else, so the same tests run on both. One broker serves the whole test run (starting one costs
 * seconds); tests isolate themselves with their own topic names.
 *
 * <p>{@code -Dgatewatch.test.kafka=embedded|testcontainers} (or env {@code GATEWATCH_TEST_KAFKA})
 * forces a backend.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> new ClosingBroker(startBroker()), ClosingBroker.class)
                .broker();
    }

    private static KafkaBroker startBroker() {
        String choice = System.getProperty("gatewatch.test.kafka",
                System.getenv().getOrDefault("GATEWATCH_TEST_KAFKA", "auto")).toLowerCase(Locale.ROOT);
        boolean docker = switch (choice) {
            case "embedded" -> false;
            case "testcontainers" -> true;
            default -> TestcontainersKafkaBroker.dockerAvailable();
        };
        KafkaBroker broker = docker ? TestcontainersKafkaBroker.start() : EmbeddedKafkaBroker.start();
        LOG.info("Integration tests use the {} Kafka broker at {}", broker.backend(), broker.bootstrapServers());
        return broker;
    }

    /** Closed by JUnit when the root context closes, i.e. after the last test. */
    private record ClosingBroker(KafkaBroker broker) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            broker.close();
        }
    }
}
