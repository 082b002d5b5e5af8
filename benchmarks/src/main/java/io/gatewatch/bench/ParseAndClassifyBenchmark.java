package io.gatewatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Parse + classify throughput on one thread: Azure Monitor records (about 3 KiB, as Event Hubs
 * delivers them) from raw bytes to a classification, the per-event work of the ingest and
 * classify stages. The score is events per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-XX:+UseParallelGC"})
@Threads(1)
public class ParseAndClassifyBenchmark {

    private static final int RECORDS = 10_000;

    private byte[][] records;
    private RecordDecoder decoder;
    private EventClassifier classifier;
    private int next;

    @Setup
    public void setUp() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        BenignTraffic traffic = new BenignTraffic(SyntheticDirectory.generate(1, 20, 5_000), 1, false);
        records = new byte[RECORDS][];
        Instant time = Instant.parse("2025-11-14T00:00:00Z");
        for (int i = 0; i < RECORDS; i++) {
            records[i] = mapper.writeValueAsBytes(AzureMonitorRecordBuilder.build(traffic.next(time.plusMillis(i))));
        }
        decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        classifier = EventClassifier.offline(ClassificationData.defaults(), Map.of());
    }

    @Benchmark
    public void parseAndClassify(Blackhole sink) {
        byte[] record = records[next];
        next = (next + 1) % RECORDS;
        for (ReadResult result : decoder.decode(record, "bench")) {
            if (result instanceof ReadResult.Read read) {
                Classification c = classifier.classify(read.event());
                sink.consume(c);
            }
        }
    }

    /** Average record size, printed so the README can state what "realistic size" means. */
    public static void main(String[] args) throws Exception {
        ParseAndClassifyBenchmark bench = new ParseAndClassifyBenchmark();
        bench.setUp();
        long bytes = 0;
        for (byte[] r : bench.records) {
            bytes += r.length;
        }
        System.out.println("records: " + RECORDS + ", mean size: " + bytes / RECORDS + " bytes");
    }
}
