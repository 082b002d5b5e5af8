package io.gatewatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads from Linux's {@code /proc/self/task}, grouped by what they are:
 * where the machine's cores went during a run — the pipeline's stream threads, the collector,
 * RocksDB's flushes and compactions, the broker, the JIT. A pipeline's throughput alone hides a
 * collector that takes a core from it. Empty where there is no {@code /proc}.
 */
final class ThreadCpu {

    /** Linux reports thread CPU in clock ticks of USER_HZ, 100 per second. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<Long, Long> ticksByThread = new HashMap<>();
    private final Map<Long, String> nameByThread = new HashMap<>();
    private final long nanos = System.nanoTime();

    static ThreadCpu now() {
        ThreadCpu snapshot = new ThreadCpu();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> snapshot.read(task));
        } catch (IOException e) {
            // no /proc (not Linux): an empty snapshot, and no figures
        }
        return snapshot;
    }

    private void read(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            // the thread's name sits in parentheses and may hold spaces: the numbers follow the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long thread = Long.parseLong(task.getFileName().toString());
            ticksByThread.put(thread, Long.parseLong(fields[11]) + Long.parseLong(fields[12])); // utime + stime
            nameByThread.put(thread, Files.readString(task.resolve("comm")).trim());
        } catch (IOException | RuntimeException e) {
            // the thread ended while being read: it is simply not counted
        }
    }

    /**
     * Cores used by each group of threads since {@code earlier}; threads whose (15-character) name
     * starts as {@code applicationId} does are the pipeline's stream threads.
     */
    Map<String, Double> coresSince(ThreadCpu earlier, String applicationId) {
        double seconds = (nanos - earlier.nanos) / 1e9;
        String streamThreads = applicationId.substring(0, Math.min(15, applicationId.length()));
        Map<String, Double> cores = new TreeMap<>();
        ticksByThread.forEach((thread, ticks) -> {
            long used = ticks - earlier.ticksByThread.getOrDefault(thread, 0L);
            if (used > 0) {
                cores.merge(group(nameByThread.get(thread), streamThreads), used / TICKS_PER_SECOND / seconds,
                        Double::sum);
            }
        });
        return cores;
    }

    static String group(String name, String streamThreads) {
        if (name.startsWith(streamThreads)) {
            return "stream threads";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return "GC and VM";
        }
        if (name.startsWith("rocksdb:")) {
            return "RocksDB background";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT";
        }
        if (name.startsWith("kafka-producer-")) {
            return "producer I/O";
        }
        if (name.startsWith("data-plane-") || name.startsWith("kafka-") || name.startsWith("group-coordinat")
                || name.startsWith("TxnMarker") || name.startsWith("AddPartitions") || name.startsWith("quorum-")
                || name.startsWith("ExpirationReap") || name.startsWith("raft-")) {
            return "broker";
        }
        return "other";
    }
}
