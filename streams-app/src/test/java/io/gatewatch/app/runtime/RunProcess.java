package io.gatewatch.app.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code gatewatch run} in a JVM of its own, as an operator starts it: the deployable's entry
 * point, the shipped {@code logback.xml} (logs on stderr), stdout and stderr kept apart. For a
 * start that should end by itself: one that does not within the timeout is killed and reported
 * as still running ({@link #exitCode()} -1).
 */
record RunProcess(int exitCode, List<String> out, List<String> err) {

    private static final Path SHIPPED_LOGBACK = Path.of("src", "main", "resources", "logback.xml");

    static RunProcess runToExit(Path dir, Path config, Duration timeout) throws IOException, InterruptedException {
        Path out = dir.resolve("run.out");
        Path err = dir.resolve("run.err");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=" + SHIPPED_LOGBACK.toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                "io.gatewatch.app.runtime.RunCommand", "--config", config.toString(), "--metrics-port", "0"))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GATEWATCH_") || k.startsWith("KAFKA_"));
        Process process = builder.start();
        int code = -1;
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            code = process.exitValue();
        } else {
            process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        }
        return new RunProcess(code, Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    /** The lines logged at ERROR (the shipped pattern: {@code HH:mm:ss.SSS LEVEL logger - message}). */
    List<String> errorLines() {
        return err.stream().filter(line -> line.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR .*")).toList();
    }

    /** stderr, for a failure message. */
    String errText() {
        return String.join("\n", err);
    }
}
