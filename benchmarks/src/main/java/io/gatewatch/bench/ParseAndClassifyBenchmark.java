package io.gatewatch.bench;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + classify throughput on one thread: Azure Monitor records (about 3 KiB, as Event Hubs
 * delivers them) from raw bytes to a classification, the per-event work of the ingest and
 * classify stages. The score is events per second on one core.
 */
public class ParseAndClassifyBenchmark extends OneCoreBenchmark {

    private static final int RECORDS = 10_000;

    private byte[][] records;
    private RecordDecoder decoder;
    private EventClassifier classifier;
    private int next;

    @Setup
    public void setUp() throws Exception {
        records = azureMonitorRecords(RECORDS);
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

    /** Average record size, printed so docs/benchmarks.md can state what "realistic size" means. */
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
