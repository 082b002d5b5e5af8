package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's first command at its defaults, end to end: embedded broker, streams app, live
 * traffic. It must announce the first planted attack (at 10 s), print its alert and a per-minute
 * tenant summary, alert on nothing but planted users and addresses, then stop cleanly when
 * stopped. The test waits for the lines with a deadline far past when they are due, and then
 * stops the demo as Ctrl-C would: no fixed run length to outguess a busy machine.
 */
class DemoCommandIT {

    private static final long DEADLINE_SECONDS = 240;

    @Test
    void demoPrintsAlertsAndTenantSummariesThenStopsCleanly() throws InterruptedException {
        WatchedOutput out = new WatchedOutput();
        CommandLine cli = Gatewatch.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(Writer.nullWriter(), true));
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread demo = new Thread(() -> exitCode.set(cli.execute("demo", "--http-port", "0")),
                "demo-under-test");
        demo.start();

        boolean both = out.alertAndSummary.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
        demo.interrupt();
        demo.join(TimeUnit.SECONDS.toMillis(60));

        List<String> lines = out.lines();
        assertThat(both).as("an alert and a summary within %d s; printed:%n%s", DEADLINE_SECONDS, String.join("\n", lines))
                .isTrue();
        assertThat(demo.isAlive()).as("stopped after the interrupt").isFalse();
        assertThat(exitCode.get()).isZero();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("PLANTED").contains("mfa-fraud")
                .contains("user:s1-user1@").endsWith("expect MFA_FRAUD_REPORTED"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("HIGH").contains("MFA_FRAUD_REPORTED")
                .contains("user:s1-user1@").contains("reported an MFA prompt as fraud"));
        // planted scenarios sign in as s<n>-user<k> and attack from 198.18.0.0/15; background users are user<k>
        assertThat(lines).filteredOn(line -> line.matches("\\d\\d:\\d\\d:\\d\\d  (LOW|MEDIUM|HIGH|CRITICAL) .*"))
                .isNotEmpty().allSatisfy(line -> assertThat(line).containsPattern(" (user|user\\+org):s\\d+-user| ip:198\\.1[89]\\."));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("SUMMARY").contains("sign-ins"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("Dashboard: http://127\\.0\\.0\\.1:\\d+/#token=[\\w-]{32}"));
        assertThat(lines).last().isEqualTo("Stopped.");
    }

    /** Collects what the demo prints and counts down once both awaited lines have appeared. */
    private static final class WatchedOutput extends Writer {
        final CountDownLatch alertAndSummary = new CountDownLatch(2);
        private final StringBuilder text = new StringBuilder();
        private boolean alert;
        private boolean summary;

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            int from = Math.max(0, text.length() - 32); // a word may straddle two writes
            text.append(chars, offset, length);
            if (!alert && text.indexOf("MFA_FRAUD_REPORTED  ", from) >= 0) {
                alert = true;
                alertAndSummary.countDown();
            }
            if (!summary && text.indexOf("SUMMARY", from) >= 0) {
                summary = true;
                alertAndSummary.countDown();
            }
        }

        synchronized List<String> lines() {
            return text.toString().lines().toList();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
