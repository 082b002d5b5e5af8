package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo stopped as a user stops it: Ctrl-C, that is SIGINT to its own JVM (not an interrupted
 * thread). Once the first planted attack is announced, SIGINT: the demo says it stops, closes
 * traffic, streams app and broker, prints "Stopped." last, and the JVM exits with SIGINT's code
 * within a minute. Nothing but the demo's own lines reaches its console: no library's warnings.
 */
class DemoSigintIT {

    /** logback.xml's layout: time, level, logger abbreviated to 20 characters; Gatewatch's own start {@code i.g.}. */
    private static final Pattern LIBRARY_LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (WARN|INFO) ++(?!i\\.g\\.|io\\.gatewatch)");

    @Test
    void ctrlCStopsTheDemoCleanly() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the shipped logging configuration, as a user's demo has it (the test classpath's logback-test.xml would win)
        String shippedLogging = Objects.requireNonNull(DemoSigintIT.class.getClassLoader().getResource("logback.xml"),
                "the shipped logback.xml on the classpath").toString();
        Process demo = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=" + shippedLogging, "-cp",
                System.getProperty("java.class.path"), "io.gatewatch.cli.Gatewatch", "demo", "--http-port", "0",
                "--rate", "5")).redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch planted = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    if (line.contains("PLANTED")) {
                        planted.countDown();
                    }
                }
            } catch (IOException closed) {
                // the process ended
            }
        }, "demo-output");
        reader.start();
        try {
            assertThat(planted.await(180, TimeUnit.SECONDS)).as("a planted attack announced; printed:%n%s",
                    String.join("\n", lines)).isTrue();
            int kill = new ProcessBuilder("kill", "-INT", String.valueOf(demo.pid())).start().waitFor();
            assertThat(kill).isZero();

            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("exited within a minute of SIGINT; printed:%n%s",
                    String.join("\n", lines)).isTrue();
            reader.join(5_000);
            assertThat(demo.exitValue()).as("exit code after SIGINT").isEqualTo(130);
            assertThat(lines).contains("Stopping: traffic, console, streams app, broker...");
            assertThat(lines).last().isEqualTo("Stopped.");
            // the console is the demo's own: no library's warning or info line (a single-node broker
            // starting, topics being created, clients retrying), only what Gatewatch itself says
            assertThat(lines).as("library log lines on the demo's console")
                    .noneMatch(line -> LIBRARY_LOG_LINE.matcher(line).find());
        } finally {
            demo.destroyForcibly();
        }
    }
}
