package io.gatewatch.app.topology;

import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.config.Topics;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Ingest: {@code signin-events} and {@code dynamics-access} (any key, raw bytes of any supported
 * format) → events keyed by tenant on the {@code by-tenant} repartition topic. Unreadable input
 * → {@code signin-events-dlq} (raw key and value, reason in headers).
 *
 * <p>The dead-letter branch is explicit rather than Kafka Streams' built-in DLQ because one
 * envelope can hold good and bad members: the good ones must go on while each bad one is filed
 * with its own reason. Re-keying by tenant happens once, here: every later stage is scoped to one
 * tenant and reads this partitioning without further repartitions.
 */
final class IngestStage {

    static final String BY_TENANT = "by-tenant";

    private IngestStage() {
    }

    static KStream<String, InputEvent> build(StreamsBuilder builder, GatewatchConfig config, MeterRegistry registry) {
        Topics topics = config.topics();
        KStream<byte[], byte[]> signIns = builder.stream(topics.signinEvents().name(),
                topics.signinEvents().consumed("source-signin-events"));
        KStream<byte[], byte[]> dynamics = builder.stream(topics.dynamicsAccess().name(),
                topics.dynamicsAccess().consumed("source-dynamics-access"));
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        KStream<byte[], Decoded> decoded = signIns.merge(dynamics, Named.as("merge-inputs"))
                .processValues(() -> new DecodeProcessor(decoder, config.defaultTenant(), config.maxFuture(), registry), Named.as("decode"));

        decoded.filter((key, d) -> !d.readable(), Named.as("unreadable"))
                .mapValues(Decoded::raw, Named.as("dead-letter-payload"))
                .to(topics.deadLetter().name(), topics.deadLetter().produced("sink-dead-letter"));

        return decoded.filter((key, d) -> d.readable(), Named.as("readable"))
                .map((key, d) -> KeyValue.pair(d.event().tenantId(), d.event()),
                        Named.as("key-by-tenant"))
                .repartition(Repartitioned.<String, InputEvent>as(BY_TENANT)
                        .withKeySerde(Serdes.String()).withValueSerde(GatewatchSerdes.INPUT_EVENT));
    }
}
