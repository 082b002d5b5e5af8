package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.generator.DynamicsAccessSpec;
import io.gatewatch.generator.GeneratedEvent;
import io.gatewatch.generator.HomeLocation;
import io.gatewatch.generator.SignInSpec;
import io.gatewatch.generator.SyntheticUser;
import io.gatewatch.generator.format.OutputFormat;
import io.gatewatch.generator.output.FileSink;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code diagnose} names the current problem for every item of the helpdesk checklist, from
 * records in every export format, and says {@code ok} once a later success has cleared it; it
 * lists the security alerts on the user, and a guessed password is an alert, never {@code ok}.
 */
class DiagnoseCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final HomeLocation DUBLIN = HomeLocation.CITIES.get(2);
    private static final SyntheticUser USER = new SyntheticUser("11111111-2222-4333-8444-555555555555",
            "Megan.Bowen@tenant1.example.com", "u-7", "Megan Bowen", DUBLIN, "192.0.2.44");
    private static final String ATTACKER_IP = "203.0.113.66";
    private static final SyntheticUser COLLEAGUE = new SyntheticUser(USER.tenantId(), "Alex.Wilber@tenant1.example.com",
            "u-8", "Alex Wilber", DUBLIN, "192.0.2.45");

    /** One checklist item: the failure that fails it, and what it must be called. */
    record Item(String check, String category, int code, String additionalDetails, String dynamicsUrl,
                Object dynamicsCode) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("account-exists", "USER_NOT_FOUND", 50034, null, null, null),
            new Item("account-enabled", "ACCOUNT_DISABLED", 50057, null, null, null),
            new Item("not-locked-out", "ACCOUNT_LOCKED", 50053, null, null, null),
            new Item("password-not-expired", "PASSWORD_EXPIRED", 50055, null, null, null),
            new Item("password-correct", "INVALID_CREDENTIALS", 50126, null, null, null),
            new Item("mfa-not-blocking", "MFA_DENIED", 500121, "MFA denied; user declined the authentication", null,
                    null),
            new Item("mfa-registration-up-to-date", "MFA_REGISTRATION_REQUIRED", 50079, null, null, null),
            new Item("conditional-access-not-blocking", "CONDITIONAL_ACCESS_BLOCKED", 53003, null, null, null),
            new Item("identity-protection-not-blocking", "RISK_BLOCKED", 53004, null, null, null),
            new Item("app-assigned", "APP_NOT_ASSIGNED", 50105, null, null, null),
            new Item("dynamics-regional-url", "REGIONAL_URL_MISMATCH", 0, null, "https://contoso.crm.dynamics.com/main.aspx",
                    -2147204784),
            new Item("dynamics-security-role", "MISSING_SECURITY_ROLE", 0, null,
                    "https://contoso.crm4.dynamics.com/main.aspx", "0x80042f09"),
            new Item("no-other-errors", "OTHER_FAILURE", 7000218, null, null, null));

    /** The alert a checklist failure raises on the user, where one does; a HIGH one makes the verdict "alert". */
    static final Map<String, String> ALERTS = Map.of("not-locked-out", "ACCOUNT_LOCKOUT",
            "mfa-not-blocking", "MFA_DENIED", "identity-protection-not-blocking", "RISKY_SIGN_IN",
            "dynamics-regional-url", "DYNAMICS_REGION_MISMATCH", "dynamics-security-role", "DYNAMICS_MISSING_ROLE");
    static final Set<String> HIGH = Set.of("RISKY_SIGN_IN");

    @TempDir
    Path dir;

    static Stream<Arguments> itemsInEveryFormat() {
        List<Arguments> cases = new ArrayList<>();
        for (OutputFormat format : OutputFormat.values()) {
            ITEMS.forEach(item -> cases.add(Arguments.of(format, item)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("itemsInEveryFormat")
    void namesTheCurrentProblemThenOkOnceASuccessClearsIt(OutputFormat format, Item item) throws IOException {
        List<GeneratedEvent> events = new ArrayList<>();
        // a colleague's success teaches where the Dynamics org lives (crm4), so crm is the wrong region
        events.add(dynamics(COLLEAGUE, T0, "https://contoso.crm4.dynamics.com/main.aspx", 0));
        events.add(signIn(0, null, T0.plusSeconds(60)));
        for (int i = 0; i < 3; i++) {
            events.add(failure(item, T0.plusSeconds(120 + i * 30L)));
        }
        JsonNode broken = diagnose(format, events);
        String alert = ALERTS.get(item.check());
        boolean high = alert != null && HIGH.contains(alert);

        assertThat(broken.get("status").asText()).isEqualTo(high ? "alert" : "problem");
        assertThat(rules(broken)).as("alerts on the user").isEqualTo(alert == null ? List.of() : List.of(alert));
        JsonNode problem = broken.get("problems").get(0);
        assertThat(problem.get("check").asText()).isEqualTo(item.check());
        assertThat(problem.get("category").asText()).isEqualTo(item.category());
        assertThat(problem.get("count").asInt()).isEqualTo(3);
        assertThat(problem.get("since").asText()).isEqualTo(T0.plusSeconds(120).toString());
        assertThat(problem.get("remediation")).isNotEmpty();
        assertThat(check(broken, item.check())).isEqualTo("problem");
        assertThat(broken.get("recentSignIns").get(0).get("createdDateTime").asText())
                .as("newest first").isEqualTo(T0.plusSeconds(180).toString());

        events.add(item.dynamicsUrl() == null ? signIn(0, null, T0.plusSeconds(600))
                : dynamics(USER, T0.plusSeconds(600), "https://contoso.crm4.dynamics.com/main.aspx", 0));
        JsonNode cleared = diagnose(format, events);

        // a success clears a block, not the alert: Identity Protection judged the sign-in risky all the same
        assertThat(cleared.get("status").asText()).as("trouble over").isEqualTo(high ? "alert" : "ok");
        assertThat(rules(cleared)).isEqualTo(rules(broken));
        assertThat(cleared.get("problems")).isEmpty();
        assertThat(check(cleared, item.check())).isEqualTo("ok");
    }

    @Test
    void anIgnoredPushThenASuccessIsOkAndALockoutStaysHistory() throws IOException {
        List<GeneratedEvent> events = List.of(
                signIn(500121, "MFA denied; user did not respond to mobile app notification", T0),
                signIn(50053, null, T0.plusSeconds(60)),
                signIn(0, null, T0.plusSeconds(120)));

        JsonNode diagnosis = diagnose(OutputFormat.GRAPH, events);

        assertThat(diagnosis.get("status").asText()).isEqualTo("ok");
        assertThat(diagnosis.get("recentSignIns")).hasSize(3);
        assertThat(diagnosis.get("recentSignIns").get(1).get("category").asText()).isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    void theReadableChecklistCarriesTheSupportTicketFields() throws IOException {
        Path file = write(OutputFormat.AZURE_MONITOR, List.of(signIn(50053, null, T0)));

        CliRun run = CliRun.run("diagnose", "--user", USER.userPrincipalName(), file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("PROBLEM", "ACCOUNT_LOCKED [not-locked-out]", "[PROBLEM] not-locked-out",
                "ip 192.0.2.44", "location Dublin, IE", "correlation id", "app Azure Portal");
    }

    @Test
    void aGuessedPasswordIsACriticalAlertListedAheadOfTheChecklistNotOk() throws IOException {
        List<GeneratedEvent> events = new ArrayList<>();
        events.add(signIn(50053, null, T0.minus(Duration.ofDays(8)))); // its lockout alert is outside the window
        events.add(signIn(0, null, T0.minus(Duration.ofDays(8)).plusSeconds(600)));
        events.add(attempt(COLLEAGUE, COLLEAGUE.usualIp(), 0, T0));
        for (int i = 0; i < 12; i++) {
            events.add(attempt(USER, ATTACKER_IP, 50126, T0.plusSeconds(10L * i)));
        }
        events.add(attempt(USER, ATTACKER_IP, 0, T0.plusSeconds(150)));

        JsonNode diagnosis = diagnose(OutputFormat.AZURE_MONITOR, events);

        assertThat(diagnosis.get("problems")).as("the guessed password works").isEmpty();
        assertThat(diagnosis.get("status").asText()).isEqualTo("alert");
        assertThat(rules(diagnosis)).containsExactly("BRUTE_FORCE_SUCCESS", "BRUTE_FORCE");
        JsonNode newest = diagnosis.get("alerts").get(0);
        assertThat(newest.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(newest.get("lastSeen").asText()).isEqualTo(T0.plusSeconds(150).toString());
        assertThat(newest.get("alertId").asText()).isNotEmpty();
        assertThat(diagnosis.get("headline").asText()).startsWith("security alert: BRUTE_FORCE_SUCCESS (CRITICAL)");
        JsonNode colleague = diagnose(OutputFormat.AZURE_MONITOR, events, COLLEAGUE);
        assertThat(colleague.get("alerts")).as("another user's alerts").isEmpty();
        assertThat(colleague.get("status").asText()).isEqualTo("ok");

        CliRun text = CliRun.run("diagnose", "--user", USER.userPrincipalName(),
                write(OutputFormat.AZURE_MONITOR, events).toString());
        assertThat(text.out()).contains(": ALERT", "security alert: BRUTE_FORCE_SUCCESS (CRITICAL)",
                "CRITICAL BRUTE_FORCE_SUCCESS at " + T0.plusSeconds(150), "MEDIUM   BRUTE_FORCE at ");
        assertThat(text.out().indexOf("Security alerts on this user")).as("alerts ahead of the checklist")
                .isBetween(0, text.out().indexOf("Checklist:"));
    }

    @Test
    void aSprayFromOneAddressConcernsEveryUserItsEvidenceNames() throws IOException {
        List<GeneratedEvent> events = new ArrayList<>();
        events.add(attempt(USER, USER.usualIp(), 0, T0));
        events.add(attempt(COLLEAGUE, COLLEAGUE.usualIp(), 0, T0));
        for (int i = 0; i < 6; i++) {
            SyntheticUser target = i == 0 ? USER : new SyntheticUser(USER.tenantId(), "target" + i + "@tenant1.example.com",
                    "u-t" + i, "Target " + i, DUBLIN, "192.0.2." + (100 + i));
            events.add(attempt(target, ATTACKER_IP, 50126, T0.plusSeconds(60 + 20L * i)));
        }

        JsonNode diagnosis = diagnose(OutputFormat.GRAPH, events);

        assertThat(diagnosis.get("alerts")).filteredOn(a -> a.get("rule").asText().equals("PASSWORD_SPRAY"))
                .singleElement().satisfies(a -> assertThat(a.get("entity").get("type").asText())
                        .as("on the address, not the user").isEqualTo("ip"));
        // the user signed in at home a minute before the spray tried the account from elsewhere: that alerts too
        assertThat(diagnosis.get("alerts")).extracting(a -> a.get("rule").asText())
                .containsExactlyInAnyOrder("PASSWORD_SPRAY", "SUCCESS_THEN_FAILURE_OTHER_NETWORK");
        assertThat(diagnosis.get("status").asText()).as("a HIGH alert").isEqualTo("alert");
        assertThat(diagnose(OutputFormat.GRAPH, events, COLLEAGUE).get("alerts")).as("not sprayed").isEmpty();
    }

    private JsonNode diagnose(OutputFormat format, List<GeneratedEvent> events) throws IOException {
        return diagnose(format, events, USER);
    }

    private JsonNode diagnose(OutputFormat format, List<GeneratedEvent> events, SyntheticUser user) throws IOException {
        Path file = write(format, events);
        List<String> args = new ArrayList<>(List.of("diagnose", "--json", "--user", user.userPrincipalName(),
                file.toString()));
        Path dynamics = file.resolveSibling(file.getFileName() + ".dynamics.jsonl");
        if (Files.exists(dynamics)) {
            args.add(dynamics.toString());
        }
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JsonMappers.internal().readTree(run.out());
    }

    private Path write(OutputFormat format, List<GeneratedEvent> events) throws IOException {
        Path file = Files.createTempFile(dir, "logs-", format == OutputFormat.CSV ? ".csv" : ".json");
        try (FileSink sink = new FileSink(file, System.out, format, 10)) {
            for (GeneratedEvent event : events) {
                sink.write(event);
            }
        }
        return file;
    }

    private static List<String> rules(JsonNode diagnosis) {
        List<String> rules = new ArrayList<>();
        diagnosis.get("alerts").forEach(a -> rules.add(a.get("rule").asText()));
        return rules;
    }

    private static String check(JsonNode diagnosis, String check) {
        for (JsonNode c : diagnosis.get("checks")) {
            if (c.get("check").asText().equals(check)) {
                return c.get("status").asText();
            }
        }
        throw new AssertionError("no check " + check);
    }

    private static GeneratedEvent failure(Item item, Instant time) {
        return item.dynamicsUrl() != null ? dynamics(USER, time, item.dynamicsUrl(), item.dynamicsCode())
                : signIn(item.code(), item.additionalDetails(), time);
    }

    private static GeneratedEvent signIn(int code, String additionalDetails, Instant time) {
        return new GeneratedEvent.SignIn(new SignInSpec("s-" + time.toEpochMilli() + "-" + code, time, USER,
                USER.usualIp(), DUBLIN, code, null, additionalDetails, null, true, "Azure Portal"));
    }

    private static GeneratedEvent attempt(SyntheticUser user, String ip, int code, Instant time) {
        return new GeneratedEvent.SignIn(new SignInSpec("a-" + user.userId() + "-" + time.toEpochMilli(), time, user,
                ip, DUBLIN, code, null, null, null, true, "Azure Portal"));
    }

    private static GeneratedEvent dynamics(SyntheticUser user, Instant time, String url, Object code) {
        return new GeneratedEvent.DynamicsAccess(new DynamicsAccessSpec("d-" + user.userId() + "-" + time.toEpochMilli(),
                time, user, user.usualIp(), url, code, null));
    }
}
