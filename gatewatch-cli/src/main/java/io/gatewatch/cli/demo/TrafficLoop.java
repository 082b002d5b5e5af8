package io.gatewatch.cli.demo;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.generator.GeneratedRecord;
import io.gatewatch.generator.demo.DemoTraffic;
import io.gatewatch.generator.demo.PlantedScenario;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends one second of demo traffic every second, stamped with the current time, and announces each planted attack. */
final class TrafficLoop implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-traffic");
        thread.setDaemon(true);
        return thread;
    });

    TrafficLoop(GatewatchConfig config, DemoTraffic traffic, Consumer<PlantedScenario> announce) {
        Properties props = new Properties();
        props.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        timer.scheduleAtFixedRate(() -> {
            DemoTraffic.Second second = traffic.nextSecond(Instant.now());
            second.planted().forEach(announce);
            for (GeneratedRecord record : second.records()) {
                String topic = record.kind() == GeneratedRecord.Kind.DYNAMICS
                        ? config.topics().dynamicsAccess().name() : config.topics().signinEvents().name();
                producer.send(new ProducerRecord<>(topic, record.json().getBytes(StandardCharsets.UTF_8)));
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        producer.close();
    }
}
