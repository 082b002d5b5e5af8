package io.gatewatch.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Gatewatch as the deployable runs it ({@code RunCommand}, its own JVM, the launcher's
 * {@code -Xmx1g}), with its Prometheus page on a free port: what a bench measures of the app's
 * memory is then the app's alone, not the broker's or the generator's beside it.
 */
final class GatewatchChild implements AutoCloseable {

    private final Process process;
    private final Path dir;
    private final int metricsPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private GatewatchChild(Process process, Path dir, int metricsPort) {
        this.process = process;
        this.dir = dir;
        this.metricsPort = metricsPort;
    }

    static GatewatchChild start(Map<String, String> values) throws IOException {
        Path dir = Files.createTempDirectory("gatewatch-bench-child-");
        Path config = dir.resolve("bench.properties");
        Properties properties = new Properties();
        properties.putAll(values);
        try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            properties.store(out, "bench: Gatewatch in its own JVM");
        }
        int metricsPort = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "io.gatewatch.app.runtime.RunCommand", "--config", config.toString(),
                "--metrics-port", String.valueOf(metricsPort)))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GATEWATCH_") || k.startsWith("KAFKA_"));
        return new GatewatchChild(builder.start(), dir, metricsPort);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** True when the child's output names an {@code OutOfMemoryError}. */
    boolean ranOutOfMemory() throws IOException {
        return Files.readString(dir.resolve("child.log")).contains("OutOfMemoryError");
    }

    /** The sum of a metric's series whose line passes {@code series} (0 while the child is not up yet). */
    long metric(String name, Predicate<String> series) {
        try {
            String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return (long) page.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                    .filter(series).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Heap in use now. */
    long heapInUse() {
        return metric("jvm_memory_used_bytes", l -> l.contains("area=\"heap\""));
    }

    /**
     * Heap in use right after a full collection the child is asked for ({@code jcmd <pid> GC.run}):
     * its live data. What the collector reports on its own ({@code jvm_gc_live_data_size_bytes})
     * still holds garbage G1 has not yet marked, rising until its next marking cycle.
     */
    long heapAfterFullCollection() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(60, TimeUnit.SECONDS)) {
            gc.destroyForcibly();
            return -1;
        }
        return heapInUse();
    }

    /** Resident set size now, or -1 where /proc is not available. */
    long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static long sizeOf(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // RocksDB deleted it while we walked
                }
            }).sum();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
        io.gatewatch.kafka.TempDirectories.deleteQuietly(dir);
    }
}
