package io.gatewatch.app.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks the cluster every few seconds whether it answers, for readiness: a stream thread stays
 * RUNNING while the broker is away (it retries), so RUNNING alone would call an instance that
 * can neither read nor commit ready. One admin client on one daemon thread.
 */
final class BrokerProbe implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(3);
    /** Ready while the last answer is at most this old: one missed probe is not an outage. */
    static final Duration STALE_AFTER = Duration.ofSeconds(10);

    private final Admin admin;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "gatewatch-broker-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastAnswerNanos = Long.MIN_VALUE;

    BrokerProbe(Map<String, ?> kafka) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) EVERY.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) EVERY.toMillis());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "gatewatch-broker-probe");
        this.admin = Admin.create(props);
        scheduler.scheduleWithFixedDelay(this::probe, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean reachable() {
        long last = lastAnswerNanos;
        return last != Long.MIN_VALUE && System.nanoTime() - last <= STALE_AFTER.toNanos();
    }

    private void probe() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) EVERY.toMillis())).clusterId()
                    .get(EVERY.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            lastAnswerNanos = System.nanoTime();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception unreachable) {
            // readiness turns false once the last answer is stale; the clients log the outage
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
