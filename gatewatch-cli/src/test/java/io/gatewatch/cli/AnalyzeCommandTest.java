package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze}: the streaming topology offline, deterministic, every window flushed at end of input. */
class AnalyzeCommandTest {

    private static final Instant T0 = Instant.parse("2025-11-14T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void samplesGiveOneAggregatePerTenantWindowAndTheSameOutputEveryTime() {
        String[] args = {"analyze", CliRun.SAMPLES.resolve("azure-monitor-signin-example.json").toString(),
                CliRun.SAMPLES.resolve("eventhub-envelope-example.constructed.json").toString(),
                CliRun.SAMPLES.resolve("sentinel-training-lab_sign-in_adelete_excerpt.csv").toString()};
        CliRun first = CliRun.run(args);
        CliRun second = CliRun.run(args);

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo(second.out());
        List<JsonNode> lines = first.json();
        assertThat(lines).allSatisfy(l -> assertThat(l.get("type").asText()).isEqualTo("aggregate"));
        assertThat(lines).extracting(l -> l.get("total").asLong()).as("the envelope repeats the first record: deduplicated")
                .containsExactly(1L, 1L, 2L);
        assertThat(lines.get(2).get("byCategory").get("EXPECTED_INTERRUPT").asLong()).isEqualTo(2);
    }

    @Test
    void attackPatternsGiveExactlyTheExpectedAlerts() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(signIn("lock" + i, "locked@contoso.com", 50053, T0.plusSeconds(i * 60L), ""));
        }
        lines.add(signIn("fraud", "victim@contoso.com", 500121, T0.plusSeconds(5),
                ",\"additionalDetails\":\"MFA denied; Phone App Reported Fraud\""));
        lines.add(signIn("typo", "fine@contoso.com", 50126, T0.plusSeconds(6), ""));
        lines.add("{\"id\":\"dyn1\",\"createdDateTime\":\"" + T0.plusSeconds(7) + "\",\"tenantId\":\"t1\","
                + "\"userPrincipalName\":\"sales@contoso.com\",\"requestedUrl\":\"https://contoso.crm.dynamics.com/main.aspx\","
                + "\"errorCode\":-2147204784}");
        Path input = dir.resolve("attacks.jsonl");
        Files.write(input, lines);
        Path orgs = dir.resolve("orgs.jsonl");
        Files.writeString(orgs, "{\"orgName\":\"contoso\",\"tenantId\":\"t1\",\"regionHost\":\"crm4\"}\n");

        CliRun run = CliRun.run("analyze", "--orgs", orgs.toString(), input.toString());

        assertThat(run.exitCode()).isZero();
        List<JsonNode> alerts = run.json().stream().filter(l -> l.get("type").asText().equals("alert")).toList();
        assertThat(alerts).extracting(a -> a.get("rule").asText() + " " + a.get("entity").get("value").asText())
                .containsExactly("ACCOUNT_LOCKOUT locked@contoso.com", "MFA_FRAUD_REPORTED victim@contoso.com",
                        "DYNAMICS_REGION_MISMATCH sales@contoso.com|contoso.crm.dynamics.com");
        assertThat(alerts.get(1).get("severity").asText()).isEqualTo("HIGH");
        assertThat(alerts.get(2).get("remediation").get(0).asText()).contains("https://contoso.crm4.dynamics.com");
        assertThat(alerts).allSatisfy(a -> assertThat(a.get("detectedAt").asText()).isEqualTo(a.get("lastSeen").asText()));
    }

    @Test
    void ocsfPrintsOnlyTheAlertsAsDetectionFindings() throws IOException {
        Path input = dir.resolve("lockout.jsonl");
        Files.write(input, List.of(signIn("l1", "locked@contoso.com", 50053, T0, ""),
                signIn("ok", "fine@contoso.com", 0, T0.plusSeconds(5), "")));

        CliRun plain = CliRun.run("analyze", input.toString());
        CliRun ocsf = CliRun.run("analyze", "--ocsf", input.toString());

        assertThat(ocsf.exitCode()).isZero();
        JsonNode alert = plain.json().stream().filter(l -> l.get("type").asText().equals("alert")).findFirst().orElseThrow();
        assertThat(ocsf.json()).singleElement().satisfies(finding -> {
            assertThat(finding.has("type")).isFalse();
            assertThat(finding.get("class_uid").asInt()).isEqualTo(2004);
            assertThat(finding.get("finding_info").get("uid").asText()).isEqualTo(alert.get("alertId").asText());
            assertThat(finding.get("finding_info").get("title").asText()).isEqualTo("ACCOUNT_LOCKOUT");
        });
    }

    @Test
    void alertsOnlyPrintsTheAlertsAndNoAggregate() throws IOException {
        Path input = dir.resolve("lockout.jsonl");
        Files.write(input, List.of(signIn("l1", "locked@contoso.com", 50053, T0, ""),
                signIn("ok", "fine@contoso.com", 0, T0.plus(Duration.ofMinutes(5)), "")));

        CliRun all = CliRun.run("analyze", input.toString());
        CliRun alertsOnly = CliRun.run("analyze", "--alerts-only", input.toString());

        assertThat(all.json()).extracting(l -> l.get("type").asText()).as("the input closes windows")
                .contains("alert", "aggregate");
        assertThat(alertsOnly.exitCode()).isZero();
        assertThat(alertsOnly.outLines()).isEqualTo(all.outLines().stream().filter(l -> l.startsWith("{\"type\":\"alert\"")).toList())
                .singleElement().satisfies(l -> assertThat(l).contains("ACCOUNT_LOCKOUT"));
    }

    @Test
    void anExportNewestFirstIsCorrectedWithinTheRetentionAndSaysWhatItLeftOut() throws IOException {
        Path input = dir.resolve("newest-first.jsonl");
        Files.write(input, List.of(signIn("n1", "a@contoso.com", 0, T0.plus(Duration.ofHours(8)), ""),
                signIn("n2", "a@contoso.com", 0, T0.plus(Duration.ofHours(3)), ""),
                signIn("n3", "a@contoso.com", 0, T0.plus(Duration.ofHours(1)), "")));

        CliRun run = CliRun.run("analyze", input.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.json()).extracting(l -> l.get("windowStart").asText())
                .as("5 h behind the newest: counted; 7 h: past the 6 h retention").contains(T0.plus(Duration.ofHours(3)).toString())
                .doesNotContain(T0.plus(Duration.ofHours(1)).toString());
        assertThat(run.err()).contains("1 event(s) came more than aggregate.retention (PT6H) behind the newest");
    }

    private static String signIn(String id, String user, int code, Instant time, String extraStatus) {
        return "{\"id\":\"" + id + "\",\"createdDateTime\":\"" + time + "\",\"resourceTenantId\":\"t1\","
                + "\"userPrincipalName\":\"" + user + "\",\"status\":{\"errorCode\":" + code + extraStatus + "}}";
    }

    @Test
    void unreadableRecordsAreReportedAndTheRestAnalysed() throws IOException {
        Path input = dir.resolve("mixed.jsonl");
        Files.write(input, List.of(signIn("a", "u@contoso.com", 50053, T0, ""), "{\"broken\":", "not json"));

        CliRun run = CliRun.run("analyze", input.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.json()).extracting(l -> l.get("type").asText()).containsExactly("alert", "aggregate");
    }
}
