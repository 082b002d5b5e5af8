package io.gatewatch.app.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Small Azure Monitor sign-in records and a producer for them, shared by the pipeline ITs. */
final class TestInput {

    /** The address every sign-in comes from. */
    static final String ADDRESS = "198.51.100.4";

    private TestInput() {
    }

    static byte[] signIn(String id, String tenant, String user, int code, Instant time) {
        return signIn(id, tenant, user, code, time, ADDRESS);
    }

    static byte[] signIn(String id, String tenant, String user, int code, Instant time, String address) {
        return ("{\"time\":\"" + time + "\",\"category\":\"SignInLogs\",\"tenantId\":\"" + tenant
                + "\",\"resultType\":\"" + code + "\",\"properties\":{\"id\":\"" + id + "\",\"createdDateTime\":\""
                + time + "\",\"userPrincipalName\":\"" + user + "\",\"ipAddress\":\"" + address + "\",\"status\":{\"errorCode\":"
                + code + "}}}").getBytes(StandardCharsets.UTF_8);
    }

    static void produce(String bootstrap, String topic, List<byte[]> values) {
        produce(bootstrap, topic, null, values);
    }

    /** Into one partition ({@code null}: the producer spreads them). */
    static void produce(String bootstrap, String topic, Integer partition, List<byte[]> values) {
        produce(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topic, partition, values);
    }

    /** With client settings of its own: bootstrap.servers and, say, SASL_SSL. */
    static void produce(Map<String, ?> client, String topic, Integer partition, List<byte[]> values) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, partition, null, value));
            }
            producer.flush();
        }
    }
}
