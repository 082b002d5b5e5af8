package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void classifiesTheRealSamplesInInputOrder() {
        CliRun run = CliRun.run("classify",
                CliRun.SAMPLES.resolve("azure-monitor-signin-example.json").toString(),
                CliRun.SAMPLES.resolve("eventhub-envelope-example.constructed.json").toString(),
                CliRun.SAMPLES.resolve("sentinel-training-lab_sign-in_adelete_excerpt.csv").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<JsonNode> lines = run.json();
        assertThat(lines).extracting(l -> l.get("errorCode").asInt()).containsExactly(50140, 50140, 0, 16000, 50058);
        assertThat(lines).extracting(l -> l.get("outcome").asText())
                .containsExactly("INTERRUPT", "INTERRUPT", "SUCCESS", "INTERRUPT", "INTERRUPT");
        assertThat(lines).extracting(l -> l.get("category").asText()).containsExactly("EXPECTED_INTERRUPT",
                "EXPECTED_INTERRUPT", "SUCCESS", "EXPECTED_INTERRUPT", "EXPECTED_INTERRUPT");
        assertThat(lines.get(0).fieldNames()).toIterable().startsWith("id", "tenantId", "userPrincipalName",
                "createdDateTime", "errorCode", "outcome", "category", "credentialValidated", "source");
    }

    @Test
    void orgsFileAndLearnedRegionsFindRegionalUrlMismatches() throws IOException {
        Path orgs = dir.resolve("orgs.jsonl");
        Files.writeString(orgs, "{\"orgName\":\"contoso\",\"tenantId\":\"t\",\"regionHost\":\"crm4\"}\n");
        Path events = dir.resolve("dynamics.jsonl");
        Files.writeString(events, String.join("\n",
                access("1", "https://contoso.crm.dynamics.com/main.aspx", "-2147204784"),
                access("2", "https://fabrikam.crm11.dynamics.com/main.aspx", "0"),
                access("3", "https://fabrikam.crm.dynamics.com/main.aspx", "-2147204784"),
                access("4", "https://fabrikam.crm11.dynamics.com/main.aspx", "\"0x80042f09\"")));

        CliRun run = CliRun.run("classify", "--orgs", orgs.toString(), events.toString());

        assertThat(run.exitCode()).isZero();
        List<JsonNode> lines = run.json();
        assertThat(lines).extracting(l -> l.get("category").asText()).containsExactly("REGIONAL_URL_MISMATCH",
                "SUCCESS", "REGIONAL_URL_MISMATCH", "MISSING_SECURITY_ROLE");
        assertThat(lines.get(0).get("remediation").get(0).asText()).contains("https://contoso.crm4.dynamics.com");
        assertThat(lines.get(2).get("remediation").get(0).asText()).contains("https://fabrikam.crm11.dynamics.com");
        assertThat(lines.get(3).get("errorCode").asInt()).isEqualTo(-2147209463);
    }

    private static String access(String id, String url, String code) {
        return "{\"id\":\"" + id + "\",\"createdDateTime\":\"2025-11-14T01:00:00Z\",\"tenantId\":\"t\","
                + "\"userPrincipalName\":\"u@contoso.com\",\"requestedUrl\":\"" + url + "\",\"errorCode\":" + code + "}";
    }

    @Test
    void graphExportWithoutTenantTakesTheTenantOption() throws IOException {
        Path file = dir.resolve("graph.json");
        Files.writeString(file, "{\"id\":\"g\",\"createdDateTime\":\"2025-11-14T01:00:00Z\",\"status\":{\"errorCode\":50126}}");

        CliRun run = CliRun.run("classify", "--tenant", "contoso-tenant", file.toString());

        assertThat(run.json()).singleElement().satisfies(l -> {
            assertThat(l.get("tenantId").asText()).isEqualTo("contoso-tenant");
            assertThat(l.get("category").asText()).isEqualTo("INVALID_CREDENTIALS");
        });
    }

    @Test
    void badRecordsAreReportedByPositionAndTheRestIsClassified() throws IOException {
        Path file = dir.resolve("mixed.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((good("a") + "\n").getBytes(StandardCharsets.UTF_8));
            out.write("{\"id\":\"t\",\"userPrincipalName\":\"victim@contoso.com\",\"status\":{\"err\n"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] blob = new byte[2048];
            new Random(7).nextBytes(blob);
            for (int i = 0; i < blob.length; i++) {
                blob[i] = blob[i] == '\n' ? 0 : blob[i];
            }
            out.write(blob);
            out.write('\n');
            out.write((good("b") + "\n").getBytes(StandardCharsets.UTF_8));
        }

        CliRun run = CliRun.run("classify", file.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.json()).extracting(l -> l.get("id").asText()).containsExactly("a", "b");
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("gatewatch: " + file + ": line 2: truncated JSON");
        assertThat(run.errLines().get(1)).startsWith("gatewatch: " + file + ": line 3: malformed JSON");
        assertThat(run.err()).doesNotContain("victim").doesNotContain("Exception").doesNotContain("\tat ");
    }

    static String good(String id) {
        return "{\"id\":\"" + id + "\",\"createdDateTime\":\"2025-11-14T01:00:00Z\",\"tenantId\":\"t\","
                + "\"userPrincipalName\":\"victim@contoso.com\",\"status\":{\"errorCode\":50126}}";
    }

    @Test
    void standardInputIsReadWithDashOrWithoutAFile() {
        String input = good("in1") + "\n" + good("in2") + "\n";
        for (String[] args : new String[][] {{"classify", "-"}, {"classify"}}) {
            CliRun run = CliRun.runWithStdin(input, args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.json()).extracting(l -> l.get("id").asText()).containsExactly("in1", "in2");
        }
    }

    @Test
    void maxRecordBytesRefusesALargerRecordAndReadsOn() {
        String padded = good("big").replace("}}", "},\"pad\":\"" + "x".repeat(2_000) + "\"}");
        CliRun run = CliRun.runWithStdin(good("small") + "\n" + padded + "\n" + good("after") + "\n",
                "classify", "--max-record-bytes", "1024", "-");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.json()).extracting(l -> l.get("id").asText()).containsExactly("small", "after");
        assertThat(run.err()).contains("exceeds the limit of 1024").doesNotContain("victim");
    }

    @Test
    void missingFileIsAUsageError() {
        CliRun run = CliRun.run("classify", dir.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read");
    }
}
