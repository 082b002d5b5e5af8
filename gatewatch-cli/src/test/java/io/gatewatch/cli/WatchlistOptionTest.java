package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --watchlist FILE} of analyze, evaluate and diagnose: the shipped watchlist rules fire for
 * the members it lists and stay silent without it; a properties file's {@code watchlists.files}
 * counts too; a bad file is one line naming the option, file and line, never the user.
 */
class WatchlistOptionTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void analyzeAlertsOnTheMembersOfTheGivenWatchlistsOnly() throws IOException {
        Path logs = logs();
        Path breakGlass = Files.writeString(dir.resolve("break-glass.csv"),
                "watchlist,user,note\nbreak-glass,BG1@contoso.onmicrosoft.com,sealed envelope\n");
        Path admins = Files.writeString(dir.resolve("admins.csv"), "user,watchlist\nadmin@contoso.com,privileged\n");

        CliRun with = CliRun.run("analyze", "--watchlist", breakGlass.toString(), "--watchlist", admins.toString(),
                logs.toString());
        CliRun without = CliRun.run("analyze", logs.toString());

        assertThat(with.exitCode()).as(with.err()).isZero();
        assertThat(alerts(with)).containsExactly("BREAK_GLASS_SIGN_IN bg1@contoso.onmicrosoft.com",
                "PRIVILEGED_ACCOUNT_FAILURES admin@contoso.com");
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(alerts(without)).isEmpty();
    }

    @Test
    void aRulesPropertiesFileMayNameTheWatchlistsAsRunDoes() throws IOException {
        Path breakGlass = Files.writeString(dir.resolve("break-glass.csv"), "watchlist,user\nbreak-glass,bg1@contoso.onmicrosoft.com\n");
        Path settings = Files.writeString(dir.resolve("rules.properties"), "watchlists.files=" + breakGlass + "\n");

        CliRun run = CliRun.run("analyze", "--rules", settings.toString(), logs().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(alerts(run)).containsExactly("BREAK_GLASS_SIGN_IN bg1@contoso.onmicrosoft.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "diagnose", "evaluate"})
    void aBadWatchlistIsOneLineNamingOptionFileAndLineButNoUser(String command) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "watchlist,user\nprivileged,Hidden Admin\n");
        List<String> args = new ArrayList<>(switch (command) {
            case "diagnose" -> List.of("diagnose", "--user", "someone@contoso.com");
            case "evaluate" -> List.of("evaluate", "--labels", Files.writeString(dir.resolve("labels.jsonl"), "").toString());
            default -> List.of(command);
        });
        args.addAll(List.of("--watchlist", bad.toString(), logs().toString()));

        CliRun run = CliRun.run(args.toArray(String[]::new));

        OneLineErrorsTest.assertOneLine(run, 2, "--watchlist: " + bad + ": line 2: user is not a user principal name");
        assertThat(run.err()).doesNotContainIgnoringCase("hidden");
    }

    @Test
    void aMissingWatchlistIsOneLine() throws IOException {
        Path missing = dir.resolve("missing.csv");

        OneLineErrorsTest.assertOneLine(CliRun.run("analyze", "--watchlist", missing.toString(), logs().toString()), 2,
                "--watchlist", missing.toString());
    }

    /** A break-glass success, an admin's five wrong passwords in five minutes, and the same from an ordinary user. */
    private Path logs() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(signIn("bg", "bg1@contoso.onmicrosoft.com", 0, T0));
        for (int i = 0; i < 5; i++) {
            lines.add(signIn("admin" + i, "admin@contoso.com", 50126, T0.plusSeconds(60L * i)));
            lines.add(signIn("user" + i, "user@contoso.com", 50126, T0.plusSeconds(60L * i)));
        }
        return Files.write(dir.resolve("signins.jsonl"), lines);
    }

    private static String signIn(String id, String user, int code, Instant time) {
        return "{\"id\":\"" + id + "\",\"createdDateTime\":\"" + time + "\",\"resourceTenantId\":\"t1\","
                + "\"userPrincipalName\":\"" + user + "\",\"ipAddress\":\"203.0.113.9\",\"status\":{\"errorCode\":" + code + "}}";
    }

    private static List<String> alerts(CliRun run) {
        return run.json().stream().filter(line -> line.get("type").asText().equals("alert"))
                .map(alert -> alert.get("rule").asText() + " " + alert.get("entity").get("value").asText()).toList();
    }
}
