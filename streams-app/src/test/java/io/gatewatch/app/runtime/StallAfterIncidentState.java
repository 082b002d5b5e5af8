package io.gatewatch.app.runtime;

import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.schema.Alert;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Stages, in a child instance's Kafka Streams producer ({@code producer.interceptor.classes}), the
 * at-least-once crash that can drop an alert: the state of an incident reached the broker, its
 * alert did not, and its input was not committed. Every alert is diverted from the alerts topic to
 * {@link #HELD} (the test reads the ids it got there), as if still in flight. Once the broker has
 * acknowledged the lockout's suppression and the spray's window, written after their alerts, the
 * producer stalls for good: the acknowledgement callback never returns, so the commit's flush never
 * ends and no offset of that input is committed. The test then kills the instance.
 */
public final class StallAfterIncidentState implements ProducerInterceptor<byte[], byte[]> {

    static final String APPLICATION = "stall-it";
    static final String ALERTS = "stall-alerts";
    static final String HELD = "stall-alerts-held";
    static final String LOCKED_USER = "locked@x.com";
    static final String SPRAYING_ADDRESS = "203.0.113.50";
    static final String SUPPRESSION_CHANGELOG = APPLICATION + "-alert-suppression-changelog";
    static final String WINDOWS_CHANGELOG = APPLICATION + "-rule-windows-changelog";
    /** What the instance writes when it stalls (no user, no address: the test's log check reads it too). */
    static final String STALLED = "test producer stalled: incident state acknowledged, alerts held back";

    /** A record that must be on the broker before the stall: the {@code number}-th sent to {@code topic}. */
    private record Awaited(String topic, long number) {
    }

    private final Map<String, Long> sent = new HashMap<>();
    private final Map<String, Long> acknowledged = new HashMap<>();
    private final Map<String, Awaited> awaited = new HashMap<>();

    @Override
    public synchronized ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
        if (record.topic().equals(ALERTS)) {
            long number = sent.merge(HELD, 1L, Long::sum);
            Alert alert = GatewatchSerdes.ALERT.deserializer().deserialize(ALERTS, record.value());
            if (alert.rule().equals("ACCOUNT_LOCKOUT") && alert.entity().value().equals(LOCKED_USER)) {
                awaited.putIfAbsent("lockout alert", new Awaited(HELD, number));
            } else if (alert.rule().equals("PASSWORD_SPRAY") && alert.entity().value().equals(SPRAYING_ADDRESS)) {
                awaited.putIfAbsent("spray alert", new Awaited(HELD, number));
            }
            return new ProducerRecord<>(HELD, record.partition(), record.timestamp(), record.key(), record.value(),
                    record.headers());
        }
        long number = sent.merge(record.topic(), 1L, Long::sum);
        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        if (record.topic().equals(SUPPRESSION_CHANGELOG) && key.contains(LOCKED_USER)) {
            awaited.put("lockout state", new Awaited(record.topic(), number));
        } else if (record.topic().equals(WINDOWS_CHANGELOG) && key.contains(SPRAYING_ADDRESS)
                && awaited.containsKey("spray alert")) {
            // the window as it stands after the spray's alert, with its incident
            awaited.put("spray state", new Awaited(record.topic(), number));
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        if (metadata == null || !everythingAwaitedAcknowledged(metadata.topic())) {
            return;
        }
        System.err.println(STALLED);
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException ignored) {
                // stays stalled: only the test's kill -9 ends this instance
            }
        }
    }

    private synchronized boolean everythingAwaitedAcknowledged(String topic) {
        // one partition per topic, and a partition's acknowledgements come in the order of its sends
        long count = acknowledged.merge(topic, 1L, Long::sum);
        return awaited.size() == 4 && awaited.values().stream().anyMatch(a -> a.topic().equals(topic) && a.number() == count)
                && awaited.values().stream().allMatch(a -> acknowledged.getOrDefault(a.topic(), 0L) >= a.number());
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
