package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance case for hostile files: good records around a truncated one, a binary blob and a
 * 50 MB record, classified by the real command in a child JVM whose heap (48 MiB) is smaller than
 * the big record. If the reader buffered that record the child would die of OutOfMemoryError.
 */
class ClassifyHugeRecordTest {

    @TempDir
    Path dir;

    @Test
    void fiftyMegabyteRecordIsSkippedWithinASmallHeap() throws IOException, InterruptedException {
        Path file = dir.resolve("hostile.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((ClassifyCommandTest.good("first") + "\n").getBytes(StandardCharsets.UTF_8));
            // the records that fail name a user, so a reason or log line quoting input would show it
            out.write("{\"id\":\"cut\",\"userPrincipalName\":\"victim@contoso.com\",\"status\":{\"errorCo\n"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] blob = new byte[4096];
            new Random(3).nextBytes(blob);
            out.write(blob);
            out.write('\n');
            out.write("{\"id\":\"huge\",\"userPrincipalName\":\"victim@contoso.com\",\"createdDateTime\":\"2025-11-14T01:00:00Z\",\"pad\":\""
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write((ClassifyCommandTest.good("last") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path stdout = dir.resolve("out.jsonl");
        Path stderr = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx48m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=none",
                "-cp", System.getProperty("java.class.path"), Gatewatch.class.getName(), "classify", file.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();

        List<String> errors = Files.readAllLines(stderr).stream().filter(l -> l.startsWith("gatewatch: ")).toList();
        assertThat(child.exitValue()).as("stderr: %s", errors).isEqualTo(3);
        assertThat(Files.readAllLines(stdout)).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("INVALID_CREDENTIALS"));
        assertThat(errors).anySatisfy(l -> assertThat(l).contains("line 2: truncated JSON"));
        assertThat(errors).anySatisfy(l -> assertThat(l).contains("exceeds the limit of 4194304"));
        assertThat(Files.readString(stderr)).doesNotContain("OutOfMemoryError").doesNotContain("Exception")
                .doesNotContain("victim");
    }
}
