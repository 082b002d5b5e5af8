package io.gatewatch.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JMH benchmarks share (JMH inherits these annotations): events per second on one core,
 * 1 fork, 3×3 s warm-up, 5×3 s measurement, over Azure Monitor records of realistic size (about
 * 3 KiB: device, location, Conditional Access policies, authentication steps) from the generator.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-XX:+UseParallelGC"})
@Threads(1)
public abstract class OneCoreBenchmark {

    /** {@code count} generated benign sign-ins, one Azure Monitor record each, as Event Hubs delivers them. */
    static byte[][] azureMonitorRecords(int count) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        BenignTraffic traffic = new BenignTraffic(SyntheticDirectory.generate(1, 20, 5_000), 1, false);
        byte[][] records = new byte[count][];
        Instant time = Instant.parse("2025-11-14T00:00:00Z");
        for (int i = 0; i < count; i++) {
            records[i] = mapper.writeValueAsBytes(AzureMonitorRecordBuilder.build(traffic.next(time.plusMillis(i))));
        }
        return records;
    }
}
