package io.gatewatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Peak heap in use (sampled twice a second) and peak resident set size (the kernel's VmHWM). */
final class MemoryWatch implements AutoCloseable {

    private final AtomicLong peakHeap = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "memory-watch");
        thread.setDaemon(true);
        return thread;
    });

    MemoryWatch() {
        sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
                0, 500, TimeUnit.MILLISECONDS);
    }

    long peakHeapBytes() {
        return peakHeap.get();
    }

    /** Peak RSS of this process in bytes, or -1 where /proc is not available. */
    static long peakRssBytes() {
        return peakRssBytes("self");
    }

    /** Peak RSS of a process ({@code self} or a pid) in bytes, or -1 where /proc is not available. */
    static long peakRssBytes(String process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", process, "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
