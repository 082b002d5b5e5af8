package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The README's first command, end to end: embedded broker, streams app, live traffic. Within its
 * 75 seconds it must print an alert (the first attack comes at 10 s) and a per-minute tenant
 * summary (a window closes at most 70 s after start), then stop cleanly.
 */
class DemoCommandIT {

    @Test
    void demoPrintsAlertsAndTenantSummariesThenStopsCleanly() {
        CliRun run = CliRun.run("demo", "--duration", "75", "--rate", "50", "--tenants", "3", "--http-port", "0");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).contains("ACCOUNT_LOCKOUT")
                .contains("user:user").contains("locked out"));
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).contains("SUMMARY").contains("sign-ins"));
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).matches("Dashboard: http://127\\.0\\.0\\.1:\\d+/#token=[\\w-]{32}"));
        assertThat(run.outLines()).last().isEqualTo("Stopped.");
    }
}
