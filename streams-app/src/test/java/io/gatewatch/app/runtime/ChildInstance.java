package io.gatewatch.app.runtime;

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
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Gatewatch instance in its own JVM ({@code gatewatch run}, the deployable's entry point), so a test can kill it the way an
 * operator's machine dies: SIGKILL, no shutdown hook, no final commit.
 */
final class ChildInstance implements AutoCloseable {

    final String name;
    private final Process process;
    private final Path log;
    private final int metricsPort;

    private ChildInstance(String name, Process process, Path log, int metricsPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.metricsPort = metricsPort;
    }

    static ChildInstance start(Path dir, String name, Map<String, String> settings) throws IOException {
        Path config = dir.resolve(name + ".properties");
        Properties properties = new Properties();
        properties.putAll(settings);
        try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            properties.store(out, "child instance " + name);
        }
        Path log = dir.resolve(name + ".log");
        Path logConfig = ChildLogs.config(dir);
        int metricsPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            metricsPort = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=" + logConfig,
                "-cp", System.getProperty("java.class.path"),
                "io.gatewatch.app.runtime.RunCommand", "--config", config.toString(), "--metrics-port", String.valueOf(metricsPort)))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GATEWATCH_") || k.startsWith("KAFKA_"));
        return new ChildInstance(name, builder.start(), log, metricsPort);
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as a container runtime stops it; the exit code, or -1 if it is still running after {@code timeout}. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** The instance's whole log. */
    List<String> log() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    /**
     * Every line of the instance's log (all its loggers, Kafka's included, exceptions as the
     * shipped layout writes them) that contains any of {@code fragments}: a user, an address or a
     * payload of the input, which no line may carry.
     */
    List<String> logLinesQuoting(Collection<String> fragments) throws IOException {
        return log().stream().filter(l -> fragments.stream().anyMatch(l::contains)).toList();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The instance's log, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Log lines containing any of the given words, for a failure message. */
    String logLinesWith(String... words) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> Arrays.stream(words).anyMatch(l::contains)).limit(20)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * The instance's counts of records it dropped (Kafka Streams' dropped-records per task, events
     * left out of the aggregates as past the retention), for a failure message: a loss that no
     * drop explains is a different bug from one that a drop does.
     */
    String droppedRecords() {
        if (!process.isAlive()) {
            return "(not running)";
        }
        try {
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            return metrics.body().lines().filter(l -> !l.startsWith("#"))
                    .filter(l -> l.contains("dropped_records_total") || l.contains("gatewatch_aggregate_expired"))
                    .filter(l -> !l.endsWith(" 0.0"))
                    .collect(Collectors.joining("\n", "dropped records (non-zero): ", ""));
        } catch (IOException e) {
            return "(no metrics: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    /** The sum of every series of a metric on the instance's {@code /metrics}, e.g. {@code gatewatch_ingest_events_total}. */
    double metricSum(String name) throws IOException, InterruptedException {
        return metrics().lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The instance's {@code /metrics} page, Prometheus text. */
    String metrics() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + metricsPort + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** SIGTERM, then wait for the clean shutdown. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
