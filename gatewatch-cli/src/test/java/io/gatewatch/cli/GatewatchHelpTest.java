package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ./gatewatch --help} names every command a newcomer can run, the launcher's benchmarks included. */
class GatewatchHelpTest {

    @Test
    void helpListsEveryCommandWithTheLauncherBenchmarks() {
        CliRun run = CliRun.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).extracting(String::strip).anySatisfy(l -> assertThat(l).startsWith("bench "))
                .anySatisfy(l -> assertThat(l).startsWith("bench-classifier "))
                .anySatisfy(l -> assertThat(l).startsWith("config "))
                .anySatisfy(l -> assertThat(l).startsWith("token "));
    }

    @Test
    void aBenchmarkReachedPastTheLauncherSaysHowToRunIt() {
        CliRun run = CliRun.run("bench");

        OneLineErrorsTest.assertOneLine(run, 2, "./gatewatch bench");
    }
}
