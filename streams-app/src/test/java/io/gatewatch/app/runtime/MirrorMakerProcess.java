package io.gatewatch.app.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Apache Kafka's MirrorMaker 2 in dedicated mode, in a JVM of its own, as
 * {@code bin/connect-mirror-maker.sh CONFIG --clusters gatewatch} runs it: its main class from the
 * {@code connect-mirror} jar on the test classpath, the configuration file as shipped, the endpoints
 * and secrets in the environment. Killed with SIGKILL, it leaves its source offsets as last flushed.
 */
final class MirrorMakerProcess implements AutoCloseable {

    private final Path dir;
    private final Path log;
    private final Process process;

    private MirrorMakerProcess(Path dir, Path log, Process process) {
        this.dir = dir;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts MirrorMaker on {@code config} with {@code environment}; {@code truststore} is the JVM's
     * trust store, as a public CA is for Event Hubs (the file names none).
     */
    static MirrorMakerProcess start(Path dir, String name, Path config, Map<String, String> environment,
                                    TestPki trust) throws IOException {
        Files.createDirectories(dir);
        Path logConfig = dir.resolve("mirror-logback.xml");
        Files.writeString(logConfig, "<configuration><appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                + "<encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder></appender>"
                + "<logger name=\"org.apache.kafka.connect.mirror\" level=\"INFO\"/>"
                + "<root level=\"WARN\"><appender-ref ref=\"OUT\"/></root></configuration>");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + logConfig,
                "-Djavax.net.ssl.trustStore=" + trust.truststore(), "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Djavax.net.ssl.trustStorePassword=" + trust.password(),
                "-cp", mirrorClasspath(),
                "org.apache.kafka.connect.mirror.MirrorMaker", config.toString(), "--clusters", "gatewatch"));
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("GATEWATCH_")
                || k.startsWith("EVENTHUBS_"));
        builder.environment().putAll(environment);
        return new MirrorMakerProcess(dir, log, builder.start());
    }

    /**
     * The test classpath without Gatewatch, Kafka Streams, the broker and their libraries: what
     * Kafka's {@code libs/} gives MirrorMaker. Connect scans every jar it is given for plugins, and on
     * the whole test classpath that scan took minutes.
     */
    private static String mirrorClasspath() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String path = entry.replace('\\', '/');
            boolean kafka = path.contains("/org/apache/kafka/") && !path.contains("/kafka-streams")
                    && !path.contains("/kafka_2.13/");
            boolean library = MIRROR_LIBRARIES.stream().anyMatch(path::contains);
            if (kafka || library) {
                kept.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, kept);
    }

    private static final List<String> MIRROR_LIBRARIES = List.of("/com/fasterxml/", "/org/slf4j/", "/ch/qos/logback/",
            "/org/eclipse/jetty/", "/org/glassfish/", "/jakarta/", "/javax/", "/io/github/classgraph/",
            "/org/apache/maven/maven-artifact/", "/org/codehaus/plexus/", "/io/swagger/", "/lz4", "/snappy",
            "/zstd", "/net/sourceforge/argparse4j/", "/org/apache/commons/", "/org/pcollections/");

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no flush of the source offsets, as a crashed or evicted mirror leaves them. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 150), lines.size()));
        } catch (IOException e) {
            return "(no log in " + dir + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
