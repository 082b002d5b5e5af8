package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
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

    private IngestStage() {
    }

    static KStream<String, InputEvent> build(StreamsBuilder builder, GatewatchConfig config, MeterRegistry registry) {
        Consumed<byte[], byte[]> raw = Consumed.with(Serdes.ByteArray(), Serdes.ByteArray());
        KStream<byte[], byte[]> signIns = builder.stream(config.topics().signinEvents(), raw.withName("source-signin-events"));
        KStream<byte[], byte[]> dynamics = builder.stream(config.topics().dynamicsAccess(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("source-dynamics-access"));
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        KStream<byte[], Decoded> decoded = signIns.merge(dynamics, Named.as("merge-inputs"))
                .processValues(() -> new DecodeProcessor(decoder, config.defaultTenant(), config.maxFuture(), registry), Named.as("decode"));

        decoded.filter((key, d) -> !d.readable(), Named.as("unreadable"))
                .mapValues(Decoded::raw, Named.as("dead-letter-payload"))
                .to(config.topics().deadLetter(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("sink-dead-letter"));

        return decoded.filter((key, d) -> d.readable(), Named.as("readable"))
                .map((key, d) -> org.apache.kafka.streams.KeyValue.pair(d.event().tenantId(), d.event()),
                        Named.as("key-by-tenant"))
                .repartition(Repartitioned.<String, InputEvent>as("by-tenant")
                        .withKeySerde(Serdes.String()).withValueSerde(GatewatchSerdes.INPUT_EVENT));
    }
}
