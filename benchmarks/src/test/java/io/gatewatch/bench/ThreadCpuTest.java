package io.gatewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The bench's "cores by threads" rows: a busy thread shows up under its group, names map to groups. */
class ThreadCpuTest {

    @Test
    @EnabledOnOs(OS.LINUX) // reads /proc; CI and the build machine are Linux
    void aBusyStreamThreadIsCountedAsAStreamThread() throws InterruptedException {
        AtomicLong sink = new AtomicLong();
        CountDownLatch worked = new CountDownLatch(1);
        CountDownLatch measured = new CountDownLatch(1);
        Thread busy = new Thread(() -> {
            long sum = 0;
            // enough work for several clock ticks on any machine, however loaded
            for (long i = 0; i < 3_000_000_000L; i++) {
                sum += i ^ (sum >>> 3);
            }
            sink.set(sum);
            worked.countDown();
            try {
                measured.await(); // a thread that has ended is gone from /proc, with its CPU time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-throughput-0a1b-StreamThread-1");
        ThreadCpu before = ThreadCpu.now();
        busy.start();
        worked.await();
        Map<String, Double> cores = ThreadCpu.now().coresSince(before, "bench-throughput");
        measured.countDown();
        busy.join();

        assertThat(cores).containsKey("stream threads");
        assertThat(cores.get("stream threads")).isPositive();
        assertThat(sink.get()).isNotZero();
    }

    @Test
    void threadNamesMapToWhatTheThreadsAre() {
        assertThat(ThreadCpu.group("bench-reference", "bench-reference")).isEqualTo("stream threads");
        assertThat(ThreadCpu.group("GC Thread#1", "bench-throughpu")).isEqualTo("GC and VM");
        assertThat(ThreadCpu.group("rocksdb:low", "bench-throughpu")).isEqualTo("RocksDB background");
        assertThat(ThreadCpu.group("C2 CompilerThre", "bench-throughpu")).isEqualTo("JIT");
        assertThat(ThreadCpu.group("data-plane-kafk", "bench-throughpu")).isEqualTo("broker");
        assertThat(ThreadCpu.group("kafka-producer-", "bench-throughpu")).isEqualTo("producer I/O");
        assertThat(ThreadCpu.group("main", "bench-throughpu")).isEqualTo("other");
    }
}
