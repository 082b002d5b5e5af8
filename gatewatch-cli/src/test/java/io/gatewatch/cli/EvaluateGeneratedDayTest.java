package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.generator.scenario.ScenarioCatalog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection quality at default thresholds: two generated days (the first warms up the tenant
 * baselines) with every scenario and every near miss, in the Event Hubs format, through
 * {@code generate} and {@code evaluate} as a user runs them. Every attack is caught, no near miss
 * fires, and nothing else alerts — the benign noise and its lookalikes of the attacks included.
 * The rules run with the exception lists the generated tenants keep for their known clients
 * ({@code generate --exceptions}, given to {@code --rules}): printers on SMTP, meeting-room
 * enrolment admins and developers alert at their first use until a tenant lists them.
 */
class EvaluateGeneratedDayTest {

    private static final Set<String> EVERY_RULE = Set.of("BRUTE_FORCE", "BRUTE_FORCE_SUCCESS", "PASSWORD_SPRAY",
            "DISTRIBUTED_CRACKING", "ACCOUNT_LOCKOUT", "LOCKOUT_STORM", "MFA_DENIED", "MFA_FRAUD_REPORTED", "MFA_FATIGUE",
            "MFA_FATIGUE_SUCCESS", "DISABLED_ACCOUNT_PROBING", "CONDITIONAL_ACCESS_SPIKE", "FAILURE_RATE_SPIKE",
            "RISKY_SIGN_IN", "PASSWORD_EXPIRY_WAVE", "DYNAMICS_REGION_MISMATCH", "DYNAMICS_MISSING_ROLE",
            "IMPOSSIBLE_TRAVEL", "DISABLED_ACCOUNT_PROBE_THEN_SUCCESS", "CROSS_TENANT_SPRAY", "LEGACY_AUTH_SUCCESS",
            "REPEATED_RISK", "DEVICE_CODE_FIRST_USE",
            "FIRST_PARTY_CLIENT_TO_GRAPH", "SEAMLESS_SSO_SPRAY", "SESSION_REPLAY", "DEVICE_CODE_SESSION_SPREAD",
            "BROKER_DEVICE_CODE_REGISTRATION", "SUCCESS_THEN_FAILURE_OTHER_NETWORK", "NEW_COUNTRY_VALID_PASSWORD",
            "TOTP_BRUTE_FORCE", "CONSENT_DENIED", "SERVICE_PRINCIPAL_NEW_NETWORK", "SERVICE_PRINCIPAL_CREDENTIAL_FAILURES",
            "PRIVILEGED_ACCOUNT_FAILURES", "PRIVILEGED_SINGLE_FACTOR", "PRIVILEGED_NEW_NETWORK", "BREAK_GLASS_SIGN_IN");
    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z_]+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|",
            Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void everyScenarioIsDetectedAndNoNearMissOrBackgroundEventAlerts() {
        String logs = dir.resolve("two-days.json").toString();
        String labels = dir.resolve("labels.jsonl").toString();
        String watchlist = dir.resolve("watchlist.csv").toString();
        String exceptions = dir.resolve("exceptions.properties").toString();
        CliRun generate = CliRun.run("generate", "--scenarios", "all", "--duration", "2d", "--rate", "0.25", "--fast",
                "--start", "2026-11-02T00:00:00Z", "--seed", "11", "-o", logs, "--labels", labels,
                "--watchlist-out", watchlist, "--exceptions", exceptions);
        assertThat(generate.exitCode()).as(generate.err()).isZero();

        CliRun evaluate = CliRun.run("evaluate", "--labels", labels, "--watchlist", watchlist, "--rules", exceptions, logs);

        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        Matcher row = ROW.matcher(evaluate.out());
        int rules = 0;
        while (row.find()) {
            String rule = row.group(1);
            assertThat(Integer.parseInt(row.group(2))).as(rule + " expected").isPositive();
            assertThat(row.group(4)).as(rule + " missed").isEqualTo("0");
            assertThat(row.group(5)).as(rule + " false positives").isEqualTo("0");
            assertThat(EVERY_RULE).contains(rule);
            rules++;
        }
        assertThat(rules).as("every rule has a scenario").isEqualTo(EVERY_RULE.size());
        long nearMisses = ScenarioCatalog.all().stream().filter(t -> t.nearMiss()).count();
        Matcher summary = Pattern.compile("recall 1\\.000 \\((\\d+) of (\\d+) scenarios\\), 0 false positives, "
                + "0 of (\\d+) near misses fired").matcher(evaluate.out());
        assertThat(summary.find()).as(evaluate.out()).isTrue();
        assertThat(Integer.parseInt(summary.group(3))).as("near misses generated and scored")
                .isGreaterThanOrEqualTo((int) nearMisses).isGreaterThanOrEqualTo(20);
        assertThat(List.of(evaluate.out().split("\n"))).noneMatch(l -> l.startsWith("missed"));
    }

    @Test
    void alertsAlreadyProducedScoreAsTheRulesRunHereAndLeftOutOnesAreMissed() throws Exception {
        String logs = dir.resolve("day.json").toString();
        String labels = dir.resolve("labels.jsonl").toString();
        String watchlist = dir.resolve("watchlist.csv").toString();
        Path rules = dir.resolve("rules.properties");
        CliRun generate = CliRun.run("generate", "--scenarios", "all", "--duration", "2d", "--rate", "0.25", "--fast",
                "--start", "2026-11-02T00:00:00Z", "--seed", "11", "-o", logs, "--labels", labels,
                "--watchlist-out", watchlist, "--exceptions", rules.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        // the tenants' exceptions, and the opt-in rule evaluate switches on by itself
        Files.writeString(rules, "rule.CROSS_TENANT_SPRAY.enabled=true\n", StandardOpenOption.APPEND);
        CliRun analyze = CliRun.run("analyze", "--rules", rules.toString(), "--watchlist", watchlist, logs);
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        // as the alert topic holds them: alerts only, without analyze's "type" field
        List<String> alerts = analyze.json().stream().filter(n -> n.get("type").asText().equals("alert"))
                .map(n -> ((ObjectNode) n).without("type").toString()).toList();
        assertThat(alerts).hasSizeGreaterThan(20);
        Set<String> operational = Set.of("PASSWORD_EXPIRY_WAVE", "DYNAMICS_MISSING_ROLE", "DYNAMICS_REGION_MISMATCH");
        assertThat(analyze.json()).filteredOn(n -> n.get("type").asText().equals("alert")).allSatisfy(alert -> {
            String rule = alert.get("rule").asText();
            assertThat(alert.get("attack").get("techniques").isEmpty()).as(rule + " carries ATT&CK techniques unless operational")
                    .isEqualTo(operational.contains(rule));
        });
        Path alertFile = Files.write(dir.resolve("alerts.jsonl"), alerts);

        CliRun fromRules = CliRun.run("evaluate", "--labels", labels, "--watchlist", watchlist, "--rules", rules.toString(),
                logs);
        CliRun fromAlerts = CliRun.run("evaluate", "--labels", labels, "--alerts", alertFile.toString());
        assertThat(fromAlerts.exitCode()).as(fromAlerts.err()).isZero();
        assertThat(fromAlerts.out()).isEqualTo(fromRules.out()).contains("recall 1.000");

        Path noLockouts = Files.write(dir.resolve("no-lockouts.jsonl"),
                alerts.stream().filter(a -> !a.contains("\"ACCOUNT_LOCKOUT\"")).toList());
        CliRun lockoutsLeftOut = CliRun.run("evaluate", "--labels", labels, "--alerts", noLockouts.toString());
        assertThat(lockoutsLeftOut.out()).doesNotContain("recall 1.000").containsPattern("(?m)^\\| ACCOUNT_LOCKOUT \\| (\\d+) \\| 0 \\|");
    }
}
