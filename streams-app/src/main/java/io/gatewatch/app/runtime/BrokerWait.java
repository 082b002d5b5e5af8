package io.gatewatch.app.runtime;

import io.gatewatch.app.config.GatewatchConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;

/**
 * Waits at start-up until a broker at {@code bootstrap.servers} answers, for
 * {@code startup.broker-timeout}. Without it a wrong address meant a minute and a half of client
 * warnings and then a stack trace; now it is one line that says what to check.
 */
final class BrokerWait {

    /** No broker answered in time, or it refused our credentials; the message is the whole story. */
    static final class BrokerUnavailableException extends RuntimeException {
        BrokerUnavailableException(String message) {
            super(message, null, false, false);
        }
    }

    /** The wait's admin client, whose own connection and authentication lines are filtered out. */
    static final String CLIENT_ID = "gatewatch-startup-wait";

    private BrokerWait() {
    }

    static void await(GatewatchConfig config) {
        Duration timeout = config.brokerTimeout();
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID);
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis())).clusterId()
                    .get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unavailable(config, e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(config, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(config, e);
        }
    }

    private static BrokerUnavailableException unavailable(GatewatchConfig config, Throwable cause) {
        if (cause instanceof AuthenticationException) {
            // the client's message names the mechanism, never the secret
            return new BrokerUnavailableException("The broker at bootstrap.servers=" + config.bootstrapServers()
                    + " refused authentication (" + cause.getClass().getSimpleName() + "): check sasl.jaas.config, "
                    + "sasl.mechanism and security.protocol"
                    + (EventHubsHints.looksLikeEventHubs(config) ? "; " + EventHubsHints.CONNECTION_STRING_CHECK : ""));
        }
        return new BrokerUnavailableException("No Kafka broker answered at bootstrap.servers=" + config.bootstrapServers()
                + " within " + config.brokerTimeout().toSeconds() + " s (startup.broker-timeout): check the address "
                + "and port, that the broker is up and reachable from here, and that security.protocol matches "
                + "its listener");
    }
}
