package io.gatewatch.bench;

import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The event on the by-tenant repartition topic: written once and read once per event by every
 * pipeline the end-to-end bench runs (Gatewatch's and the reference). The score is events per
 * second on one core for one write and one read.
 */
public class EventSerdeBenchmark extends OneCoreBenchmark {

    private static final int EVENTS = 10_000;

    private InputEvent[] events;
    private final Serializer<InputEvent> serializer = GatewatchSerdes.INPUT_EVENT.serializer();
    private final Deserializer<InputEvent> deserializer = GatewatchSerdes.INPUT_EVENT.deserializer();
    private int next;

    @Setup
    public void setUp() throws Exception {
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        byte[][] records = azureMonitorRecords(EVENTS);
        events = new InputEvent[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            events[i] = ((ReadResult.Read) decoder.decode(records[i], "bench").get(0)).event();
        }
    }

    @Benchmark
    public void writeAndRead(Blackhole sink) {
        InputEvent event = events[next];
        next = (next + 1) % EVENTS;
        sink.consume(deserializer.deserialize("by-tenant", serializer.serialize("by-tenant", event)));
    }
}
