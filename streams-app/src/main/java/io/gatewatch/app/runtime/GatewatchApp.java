package io.gatewatch.app.runtime;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.app.topology.StreamsSettings;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.app.serde.UnreadableStoredValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running streams application: topics ensured, topology built from the configuration,
 * Kafka Streams metrics bound to Micrometer, a crashed stream thread replaced rather than the
 * whole instance stopped, unless the failure keeps coming back ({@link StreamThreadFailures}). {@link #close()} shuts down cleanly (commits, closes stores).
 */
public final class GatewatchApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewatchApp.class);

    private static final Duration METRICS_REFRESH = Duration.ofSeconds(5);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final CountDownLatch running = new CountDownLatch(1);
    private final StreamThreadFailures failures = StreamThreadFailures.standard();

    private GatewatchApp(GatewatchConfig config, MeterRegistry registry) {
        streams = new KafkaStreams(GatewatchTopology.build(config, ClassificationData.defaults(), registry),
                StreamsSettings.of(config));
        streams.setStateListener((now, before) -> {
            LOG.info("Streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                failures.running();
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(failures);
        // task, store and producer-topic metrics appear only once tasks are assigned: look for new
        // ones every 5 s (Micrometer's default is a minute, long enough to hide a dropped-records count)
        metrics = new KafkaStreamsMetrics(streams, List.of(), Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-metrics-refresh");
            thread.setDaemon(true);
            return thread;
        }), METRICS_REFRESH);
        metrics.bindTo(registry);
        StateWrites.bindTo(registry, streams, config.applicationId());
        io.micrometer.core.instrument.FunctionCounter.builder("gatewatch.state.unreadable.values", UnreadableStoredValues.class,
                        values -> UnreadableStoredValues.count())
                .description("Stored values that could not be read (corrupt, or a newer format) and were left out")
                .register(registry);
    }

    /** Ensures the topics, then starts processing; returns at once. */
    public static GatewatchApp start(GatewatchConfig config, MeterRegistry registry) {
        TopicProvisioner.ensureTopics(config);
        GatewatchApp app = new GatewatchApp(config, registry);
        app.streams.start();
        return app;
    }

    /** Waits until the instance is RUNNING (all tasks assigned and restored). */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Null while the instance can still process; once Kafka Streams stopped in ERROR (a failure that
     * came back with every replaced thread, or the global thread's), one line saying so.
     */
    public String failure() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR) {
            return null;
        }
        String last = failures.last();
        return "Kafka Streams stopped in " + state + (last == null ? "" : " after repeated stream-thread failures (last: "
                + last + ")") + "; the instance processes nothing until restarted";
    }

    /**
     * Waits, at most {@code within}, while Kafka Streams finishes stopping after a failure
     * (PENDING_ERROR until ERROR): its own lines about the stop come first, and {@link #failure}
     * then names the state it stopped in.
     */
    public void awaitStopped(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (streams.state() == KafkaStreams.State.PENDING_ERROR && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        metrics.close();
    }
}
