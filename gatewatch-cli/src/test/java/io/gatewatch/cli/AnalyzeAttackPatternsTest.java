package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze} on one file holding every attack pattern, each in its own hour and with its own
 * victims, among benign sign-ins: exactly the expected alerts, with the right entities.
 */
class AnalyzeAttackPatternsTest {

    private static final Instant T0 = Instant.parse("2025-11-14T00:00:00Z");

    @TempDir
    Path dir;

    private final List<String[]> records = new ArrayList<>();
    private int sequence;

    private void signIn(Instant time, String user, String ip, int code, String extraStatus, String location) {
        sequence++;
        String json = "{\"id\":\"r" + sequence + "\",\"createdDateTime\":\"" + time + "\",\"resourceTenantId\":\"t1\","
                + "\"userPrincipalName\":\"" + user + "\",\"ipAddress\":\"" + ip + "\",\"appDisplayName\":\"App"
                + (sequence % 4) + "\",\"isInteractive\":true" + (location == null ? "" : ",\"location\":" + location)
                + ",\"status\":{\"errorCode\":" + code + extraStatus + "}}";
        records.add(new String[] {time.toString(), json});
    }

    private static String at(String city, double lat, double lon) {
        return "{\"city\":\"" + city + "\",\"countryOrRegion\":\"XX\",\"geoCoordinates\":{\"latitude\":" + lat
                + ",\"longitude\":" + lon + "}}";
    }

    @Test
    void eachPatternRaisesExactlyItsAlerts() throws IOException {
        Instant h = T0;
        for (int i = 0; i < 10; i++) {
            signIn(h.plusSeconds(i * 20L), "brute@x.com", "198.51.100.1", 50126, "", null);
        }
        signIn(h.plusSeconds(400), "brute@x.com", "198.51.100.1", 0, "", null);
        h = h.plus(Duration.ofHours(1));
        for (int i = 0; i < 6; i++) {
            signIn(h.plusSeconds(i * 30L), "sprayed" + i + "@x.com", "203.0.113.200", 50126, "", null);
        }
        h = h.plus(Duration.ofHours(1));
        for (int i = 0; i < 11; i++) {
            signIn(h.plusSeconds(i * 15L), "fatigued@x.com", "198.51.100.2", 500121,
                    ",\"additionalDetails\":\"MFA denied; user did not respond to mobile app notification\"", null);
        }
        h = h.plus(Duration.ofHours(1));
        for (int i = 0; i < 20; i++) {
            signIn(h.plusSeconds(i * 30L), "storm" + i + "@x.com", "198.51.100." + (10 + i), 50053, "", null);
        }
        h = h.plus(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            signIn(h.plusSeconds(i * 60L), "disabled" + i + "@x.com", "203.0.113.201", 50057, "", null);
        }
        h = h.plus(Duration.ofHours(1));
        signIn(h, "traveller@x.com", "198.51.100.3", 0, "", at("Seattle", 47.61, -122.33));
        signIn(h.plus(Duration.ofMinutes(90)), "traveller@x.com", "203.0.113.3", 0, "", at("Sydney", -33.87, 151.21));
        h = h.plus(Duration.ofHours(3));
        for (int i = 0; i < 10; i++) {
            signIn(h.plusSeconds(i * 120L), "expired" + i + "@x.com", "198.51.100." + (40 + i), 50055, "", null);
        }
        h = h.plus(Duration.ofHours(1));
        String[] places = {at("Lagos", 6.5, 3.4), at("Lima", -12.0, -77.0), at("Oslo", 59.9, 10.7)};
        for (int i = 0; i < 31; i++) {
            signIn(h.plus(Duration.ofMinutes(i * 10L)), "ceo@x.com", "203.0.113." + (100 + i), 50126, "", places[i % 3]);
        }
        for (int i = 0; i < 200; i++) {
            signIn(T0.plusSeconds(i * 40L), "benign" + (i % 50) + "@x.com", "192.0.2." + (i % 50), i % 25 == 0 ? 50126 : 0,
                    "", null);
        }
        records.sort(Comparator.comparing((String[] r) -> r[0]));
        Path file = dir.resolve("attacks.jsonl");
        Files.write(file, records.stream().map(r -> r[1]).toList());

        CliRun run = CliRun.run("analyze", file.toString());

        assertThat(run.exitCode()).isZero();
        List<String> alerts = run.outLines().stream().map(AnalyzeAttackPatternsTest::parse)
                .filter(l -> l.get("type").asText().equals("alert"))
                .map(a -> a.get("rule").asText() + " " + a.get("entity").get("type").asText() + ":"
                        + a.get("entity").get("value").asText())
                .toList();
        List<String> expected = new ArrayList<>(List.of(
                "BRUTE_FORCE user:brute@x.com", "BRUTE_FORCE_SUCCESS user:brute@x.com",
                "PASSWORD_SPRAY ip:203.0.113.200",
                "MFA_FATIGUE user:fatigued@x.com",
                "LOCKOUT_STORM tenant:t1",
                "DISABLED_ACCOUNT_PROBING ip:203.0.113.201",
                "IMPOSSIBLE_TRAVEL user:traveller@x.com",
                "PASSWORD_EXPIRY_WAVE tenant:t1",
                "DISTRIBUTED_CRACKING user:ceo@x.com"));
        for (int i = 0; i < 20; i++) {
            expected.add("ACCOUNT_LOCKOUT user:storm" + i + "@x.com");
        }
        assertThat(alerts).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theShippedRulesFileKeepsTheDefaultsAndARulesFileChangesAThreshold() throws IOException {
        for (int i = 0; i < 5; i++) {
            signIn(T0.plusSeconds(i * 20L), "brute@x.com", "198.51.100.1", 50126, "", null);
        }
        Path file = dir.resolve("five.jsonl");
        Files.write(file, records.stream().map(r -> r[1]).toList());
        Path shipped = Path.of("../config/rules.properties").toAbsolutePath().normalize();
        Path strict = dir.resolve("strict.properties");
        Files.writeString(strict, "rule.BRUTE_FORCE.threshold=5\n");

        assertThat(CliRun.run("analyze", "--rules", shipped.toString(), file.toString()).out()).doesNotContain("BRUTE_FORCE");
        assertThat(CliRun.run("analyze", "--rules", strict.toString(), file.toString()).out()).contains("\"BRUTE_FORCE\"");
    }

    private static JsonNode parse(String line) {
        try {
            return JsonMappers.internal().readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
