package io.gatewatch.cli.demo;

import io.gatewatch.app.config.GatewatchConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the alert and aggregate topics as security operations would (committed records only)
 * and prints each alert and each closed tenant window as one readable line.
 */
final class DemoConsole implements Runnable, AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final GatewatchConfig config;
    private final PrintWriter out;
    private final Function<String, String> tenantLabel;

    DemoConsole(GatewatchConfig config, PrintWriter out, Function<String, String> tenantLabel) {
        this.config = config;
        this.out = out;
        this.tenantLabel = tenantLabel;
        Properties props = new Properties();
        props.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "gatewatch-demo-console",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(config.topics().alerts().name(), config.topics().aggregates().name()));
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    out.println(render(record));
                }
                out.flush();
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private String render(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(config.topics().alerts().name())) {
            return AlertLine.alert(config.topics().alerts().readValue(record.value()), tenantLabel);
        }
        return AlertLine.summary(config.topics().aggregates().readValue(record.value()), tenantLabel);
    }

    @Override
    public void close() {
        consumer.wakeup();
    }
}
