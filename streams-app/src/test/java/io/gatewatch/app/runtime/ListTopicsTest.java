package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --list-topics} prints every topic the configuration needs, Gatewatch's own and Kafka
 * Streams' internal ones under the application id, with partitions and cleanup policy, and exits 0
 * without a broker, saying on stderr that every topic is then at {@code topic.partitions}
 * ({@code TopicProvisionerIT} lists against a cluster whose inputs exist). (EventHubsMirrorIT holds the list against the topics a running instance made.)
 */
class ListTopicsTest {

    @TempDir
    Path dir;

    @Test
    void listsGatewatchsTopicsAndTheInternalOnesWithoutABroker() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("gatewatch.properties"), "bootstrap.servers=127.0.0.1:" + closedPort
                + "\napplication.id=gw-list\ntopic.partitions=6\ntopic.signin-events=insights-logs-signinlogs\n"
                + "startup.broker-timeout=PT30S\nhttp.port=0\nstate.dir=" + dir.resolve("state") + "\n");

        CommandRun run = CommandRun.run(Map.of(), "--config", config.toString(), "--list-topics", "--metrics-port", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("insights-logs-signinlogs ")
                .contains("partitions=6", "cleanup.policy=delete", "gatewatch"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("dynamics-orgs ")
                .contains("cleanup.policy=compact "));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("gw-list-by-tenant-repartition ")
                .contains("partitions=6", "cleanup.policy=delete", "kafka streams repartition"));
        // windowed stores keep their changelog compacted and deleted past retention
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("gw-list-dedup-store-changelog ")
                .contains("partitions=6", "cleanup.policy=compact,delete", "kafka streams changelog"));
        assertThat(lines).filteredOn(line -> line.startsWith("gw-list-")).hasSizeGreaterThan(5)
                .allSatisfy(line -> assertThat(line).contains("partitions=6").containsPattern("-(changelog|repartition) "));
        assertThat(lines).as("no duplicates").doesNotHaveDuplicates();
        assertThat(run.err().strip()).as("one line, no client warnings").doesNotContain("\n")
                .startsWith("No broker answered at bootstrap.servers within 5 s").contains("topic.partitions (6)");
    }
}
