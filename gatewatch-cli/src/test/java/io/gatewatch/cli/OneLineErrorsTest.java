package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer gets wrong first — a directory for a file, a misspelt path, a cut-off file —
 * answered with one line on stderr that names the path, the README's exit code, and no trace.
 */
class OneLineErrorsTest {

    @TempDir
    Path dir;

    /** The command's arguments before its input files. */
    private List<String> command(String name) throws IOException {
        return switch (name) {
            case "diagnose" -> List.of("diagnose", "--user", "someone@contoso.com");
            case "evaluate" -> List.of("evaluate", "--labels", Files.writeString(dir.resolve("labels.jsonl"), "").toString());
            default -> List.of(name);
        };
    }

    private CliRun run(String name, String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(command(name));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    static void assertOneLine(CliRun run, int exitCode, String... mentions) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.errLines()).as("one line on stderr").singleElement().satisfies(line -> assertThat(line)
                .startsWith("gatewatch: ").contains(mentions));
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Usage:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"classify", "analyze", "diagnose", "evaluate"})
    void aDirectoryAsInputIsOneLineAndExit2(String name) throws IOException {
        Path logs = Files.createDirectory(dir.resolve("logs"));

        CliRun run = run(name, logs.toString());

        assertOneLine(run, 2, logs.toString(), "is a directory");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"classify", "analyze", "diagnose", "evaluate"})
    void aMissingInputIsOneLineAndExit2(String name) throws IOException {
        Path missing = dir.resolve("no-such.json");

        assertOneLine(run(name, missing.toString()), 2, missing.toString(), "no such file");
    }

    @Test
    void anUnknownOptionIsOneLineWithTheHelpPointer() {
        assertOneLine(CliRun.run("classify", "--tenantt", "x"), 2, "--tenantt", "classify --help");
    }

    @Test
    void evaluateWithACutOffLabelsFileNamesTheFileAndLine() throws IOException {
        Path labels = Files.writeString(dir.resolve("labels.jsonl"),
                "{\"scenario\":\"brute-force\"}\n{\"scenario\":\"password-spr");
        Path logs = Files.writeString(dir.resolve("logs.json"), ClassifyCommandTest.good("a") + "\n");

        assertOneLine(CliRun.run("evaluate", "--labels", labels.toString(), logs.toString()), 2,
                labels.toString(), "line 2", "truncated JSON");
    }

    @Test
    void evaluateWithALabelsLineThatIsNoLabelNamesTheLine() throws IOException {
        Path labels = Files.writeString(dir.resolve("labels.jsonl"), "\n[1, 2]\n");
        Path logs = Files.writeString(dir.resolve("logs.json"), ClassifyCommandTest.good("a") + "\n");

        assertOneLine(CliRun.run("evaluate", "--labels", labels.toString(), logs.toString()), 2,
                labels.toString(), "line 2", "not a label");
    }

    @Test
    void aRulesFileWithAValueThatIsNoNumberIsRefusedBeforeAnyInputIsRead() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.properties"), "rule.BRUTE_FORCE.threshold=ten\n");
        Path logs = Files.writeString(dir.resolve("logs.json"), ClassifyCommandTest.good("a") + "\n");

        CliRun run = CliRun.run("analyze", "--rules", rules.toString(), logs.toString());

        assertOneLine(run, 2, "--rules", rules.toString(), "rule.BRUTE_FORCE.threshold must be a whole number, was 'ten'");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"classify", "analyze"})
    void anEmptyFileIsSaidOnStderrAndExit0(String name) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");

        CliRun run = CliRun.run(name, empty.toString());

        assertOneLine(run, 0, empty.toString(), "no records");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aCutOffEnvelopeSaysHowManyRecordsWereReadAndThatTheRestIsLost() throws IOException {
        String third = ClassifyCommandTest.good("c");
        Path envelope = Files.writeString(dir.resolve("envelope.json"), "{\"records\":[\n"
                + ClassifyCommandTest.good("a") + ",\n" + ClassifyCommandTest.good("b") + ",\n"
                + third.substring(0, third.length() / 2));

        CliRun run = CliRun.run("classify", envelope.toString());

        assertOneLine(run, 3, envelope.toString(), "record 3 (line 4)", "truncated JSON",
                "2 record(s) before were read", "the rest is lost");
        assertThat(run.json()).extracting(l -> l.get("id").asText()).containsExactly("a", "b");
        assertThat(run.err()).doesNotContain("victim");
    }

    @ParameterizedTest
    @ValueSource(strings = {"classify", "analyze", "diagnose"})
    void anOrgsFileWithABadLineNamesTheFileAndLineWithoutItsContent(String name) throws IOException {
        Path orgs = Files.writeString(dir.resolve("orgs.jsonl"),
                "{\"orgName\":\"contoso\",\"regionHost\":\"crm4\"}\n{\"orgName\":\"secret-org-name\"\n");
        Path logs = Files.writeString(dir.resolve("logs.json"), ClassifyCommandTest.good("a") + "\n");

        CliRun run = run(name, "--orgs", orgs.toString(), logs.toString());

        assertOneLine(run, 2, orgs.toString(), "line 2");
        assertThat(run.err()).doesNotContain("secret-org-name");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theDemoOnATakenPortSaysSoInOneLineBeforeStartingAnything() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run("demo", "--http-port", String.valueOf(taken.getLocalPort()));

            assertOneLine(run, 2, "port " + taken.getLocalPort(), "is taken", "--http-port");
            assertThat(run.out()).as("no broker, no app started").isEmpty();
        }
    }
}
