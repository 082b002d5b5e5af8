package io.gatewatch.app.runtime;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The Apache Kafka server (KRaft, broker and controller in one node) in its own JVM, from the
 * {@code kafka_2.13} jar on the test classpath, on fixed ports and log directories: unlike the
 * in-process test kit it can be stopped and started again as the same broker, and its listeners
 * are ours to configure (SASL_SSL). Formatted with {@code kafka-storage format}, SCRAM users
 * included, as an operator would.
 */
final class ChildKafkaBroker implements AutoCloseable {

    private final Path dir;
    private final Path config;
    private final int port;
    private final Map<String, Object> clientSecurity;
    private Process process;

    private ChildKafkaBroker(Path dir, Path config, int port, Map<String, Object> clientSecurity) {
        this.dir = dir;
        this.config = config;
        this.port = port;
        this.clientSecurity = clientSecurity;
    }

    /**
     * A broker whose client listener is {@code listener} (e.g. {@code PLAINTEXT}, {@code SASL_SSL}),
     * with {@code extra} server properties; inter-broker and controller traffic stay on plaintext
     * listeners of their own. {@code scramUsers} are added at format time ({@code name=password}).
     */
    static ChildKafkaBroker start(Path dir, String listener, Map<String, String> extra, List<String> scramUsers,
                                  Map<String, Object> clientSecurity) throws Exception {
        Files.createDirectories(dir);
        int port = freePort();
        int internal = freePort();
        int controller = freePort();
        Properties server = new Properties();
        server.put("process.roles", "broker,controller");
        server.put("node.id", "1");
        server.put("controller.quorum.voters", "1@localhost:" + controller);
        server.put("listeners", "CLIENT://localhost:" + port + ",INTERNAL://localhost:" + internal
                + ",CONTROLLER://localhost:" + controller);
        server.put("advertised.listeners", "CLIENT://localhost:" + port + ",INTERNAL://localhost:" + internal);
        server.put("listener.security.protocol.map", "CLIENT:" + listener + ",INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        server.put("inter.broker.listener.name", "INTERNAL");
        server.put("controller.listener.names", "CONTROLLER");
        server.put("log.dirs", dir.resolve("logs").toString());
        server.put("offsets.topic.replication.factor", "1");
        server.put("offsets.topic.num.partitions", "4");
        server.put("transaction.state.log.replication.factor", "1");
        server.put("transaction.state.log.min.isr", "1");
        server.put("transaction.state.log.num.partitions", "4");
        server.put("group.initial.rebalance.delay.ms", "0");
        server.put("auto.create.topics.enable", "false");
        server.putAll(extra);
        Path config = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            server.store(out, "child broker");
        }
        List<String> format = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "-t",
                UUID.randomUUID().toString().replace("-", "").substring(0, 22), "-c", config.toString()));
        for (String user : scramUsers) {
            String[] nameAndPassword = user.split("=", 2);
            format.add("--add-scram");
            format.add("SCRAM-SHA-512=[name=" + nameAndPassword[0] + ",password=" + nameAndPassword[1] + "]");
        }
        Process formatting = java(dir, "format", "-Xmx256m", format).start();
        if (!formatting.waitFor(2, TimeUnit.MINUTES) || formatting.exitValue() != 0) {
            throw new IllegalStateException("kafka-storage format failed: " + Files.readString(dir.resolve("format.log")));
        }
        ChildKafkaBroker broker = new ChildKafkaBroker(dir, config, port, clientSecurity);
        broker.startAgain();
        return broker;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts the broker process on the same ports and log directories and waits until it answers. */
    void startAgain() throws Exception {
        process = java(dir, "broker", "-Xmx512m", List.of("kafka.Kafka", config.toString())).start();
        Map<String, Object> admin = new java.util.HashMap<>(clientSecurity);
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("broker exited: " + logTail());
            }
            try (Admin client = Admin.create(admin)) {
                client.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("broker did not answer: " + logTail());
    }

    /** SIGTERM and wait: a clean shutdown, as a rolling broker restart does. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("broker.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    private static ProcessBuilder java(Path dir, String name, String heap, List<String> mainAndArgs) throws IOException {
        Path logConfig = dir.resolve("broker-logback.xml");
        Files.writeString(logConfig, "<configuration><appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                + "<encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder></appender>"
                + "<root level=\"WARN\"><appender-ref ref=\"OUT\"/></root></configuration>");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), heap,
                "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + logConfig, "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("GATEWATCH_"));
        return builder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
