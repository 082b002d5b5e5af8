package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.config.KnownKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchlist keys of {@code run}: {@code watchlists.files} (read at load, a bad file refused in
 * one line naming the key, the file and the line, never a user) and {@code topic.watchlists}, both
 * known to {@code gatewatch config}.
 */
class WatchlistConfigTest {

    @TempDir
    Path dir;

    @Test
    void theFilesAreReadAtLoadAndBothKeysAreKnownToConfig() throws IOException {
        Path one = Files.writeString(dir.resolve("break-glass.csv"), "watchlist,user\nbreak-glass,bg@contoso.com\n");
        Path two = Files.writeString(dir.resolve("admins.csv"), "user,watchlist,note\nadmin@contoso.com,privileged,tier 0\n");

        GatewatchConfig config = ConfigLoader.build(Map.of("watchlists.files", one + ", " + two));
        CommandRun run = CommandRun.config(Map.of("GATEWATCH_WATCHLISTS_FILES", one.toString(),
                "GATEWATCH_TOPIC_WATCHLISTS", "soc-watchlists"));

        assertThat(config.rules().watchlists().contains("break-glass", "bg@contoso.com")).isTrue();
        assertThat(config.rules().watchlists().contains("privileged", "admin@contoso.com")).isTrue();
        assertThat(config.topics().watchlists().name()).isEqualTo("gatewatch-watchlists");
        assertThat(config.kafka()).doesNotContainKeys("watchlists.files", "topic.watchlists");
        assertThat(KnownKeys.gatewatch()).contains("watchlists.files", "topic.watchlists");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).contains("watchlists.files = " + one + "  (env GATEWATCH_WATCHLISTS_FILES)",
                "topic.watchlists = soc-watchlists  (env GATEWATCH_TOPIC_WATCHLISTS)");
    }

    @Test
    void aBadFileIsOneLineNamingTheKeyTheFileAndTheLineButNoUser() throws IOException {
        Path bad = Files.writeString(dir.resolve("lists.csv"), "watchlist,user\nprivileged,admin@contoso.com\nprivileged,hidden admin\n");

        CommandRun run = CommandRun.config(Map.of("GATEWATCH_WATCHLISTS_FILES", bad.toString()));

        RunStartupErrorsTest.assertOneLine(run, "watchlists.files", bad + ": line 3: user is not a user principal name",
                "env GATEWATCH_WATCHLISTS_FILES");
        assertThat(run.err()).doesNotContain("hidden");
    }
}
