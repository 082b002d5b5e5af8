package io.gatewatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The event on the by-tenant repartition topic: written once and read once per event by every
 * pipeline the end-to-end bench runs (Gatewatch's and the reference). The score is events per
 * second on one core for one write and one read.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-XX:+UseParallelGC"})
@Threads(1)
public class EventSerdeBenchmark {

    private static final int EVENTS = 10_000;

    private InputEvent[] events;
    private final Serializer<InputEvent> serializer = GatewatchSerdes.INPUT_EVENT.serializer();
    private final Deserializer<InputEvent> deserializer = GatewatchSerdes.INPUT_EVENT.deserializer();
    private int next;

    @Setup
    public void setUp() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        BenignTraffic traffic = new BenignTraffic(SyntheticDirectory.generate(1, 20, 5_000), 1, false);
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        events = new InputEvent[EVENTS];
        Instant time = Instant.parse("2025-11-14T00:00:00Z");
        for (int i = 0; i < EVENTS; i++) {
            byte[] record = mapper.writeValueAsBytes(AzureMonitorRecordBuilder.build(traffic.next(time.plusMillis(i))));
            events[i] = ((ReadResult.Read) decoder.decode(record, "bench").get(0)).event();
        }
    }

    @Benchmark
    public void writeAndRead(Blackhole sink) {
        InputEvent event = events[next];
        next = (next + 1) % EVENTS;
        sink.consume(deserializer.deserialize("by-tenant", serializer.serialize("by-tenant", event)));
    }
}
