package io.gatewatch.app.topology;

import static io.gatewatch.app.topology.TestEvents.T0;
import static io.gatewatch.app.topology.TestEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.logging.LogCapture;
import io.gatewatch.schema.Alert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watchlists in the topology {@code run} deploys: a member piped to the watchlist topic makes the
 * user's next sign-in alert, with no restart; a tombstone stops it; the configured files are where
 * the lists start; a record that is not a member is skipped without its user in the log.
 */
class WatchlistTopologyTest {

    private static final String MEMBER = "bg@contoso.onmicrosoft.com";
    // short, so that each sign-in below is a new incident and only the lists decide
    private static final Map<String, String> SHORT_SUPPRESSION = Map.of("suppress.BREAK_GLASS_SIGN_IN", "PT1M");

    @TempDir
    Path dir;

    @Test
    void aMemberFromTheTopicAlertsAtTheNextSignInAndATombstoneStopsIt() {
        try (TopologyFixture f = new TopologyFixture(SHORT_SUPPRESSION)) {
            TestInputTopic<String, String> lists = watchlists(f);

            f.signIn(signIn("before", "t1", MEMBER, 0, T0));
            lists.pipeInput("break-glass|" + MEMBER, "{\"watchlist\":\"break-glass\",\"user\":\"" + MEMBER
                    + "\",\"note\":\"sealed envelope 2\"}");
            f.signIn(signIn("member", "t1", "BG@Contoso.onmicrosoft.com", 50126, T0.plus(Duration.ofMinutes(5))));
            lists.pipeInput("break-glass|" + MEMBER, (String) null); // a tombstone
            f.signIn(signIn("removed", "t1", MEMBER, 0, T0.plus(Duration.ofMinutes(10))));

            assertThat(breakGlass(f)).singleElement().satisfies(alert -> {
                assertThat(alert.entity().value()).isEqualTo(MEMBER);
                assertThat(alert.firstSeen()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
                assertThat(alert.attack().techniques()).containsExactly("T1078.004");
            });
        }
    }

    @Test
    void theConfiguredFilesAreTheStartAndTheTopicChangesThem() throws IOException {
        Path file = Files.writeString(dir.resolve("lists.csv"), "watchlist,user,note\nbreak-glass," + MEMBER + ",vault\n");
        Map<String, String> overrides = Map.of("suppress.BREAK_GLASS_SIGN_IN", "PT1M", "watchlists.files", file.toString());
        try (TopologyFixture f = new TopologyFixture(overrides)) {
            f.signIn(signIn("from-file", "t1", MEMBER, 0, T0));
            watchlists(f).pipeInput("break-glass|" + MEMBER, (String) null); // the file's member, removed while running
            f.signIn(signIn("after-removal", "t1", MEMBER, 0, T0.plus(Duration.ofMinutes(5))));

            assertThat(breakGlass(f)).extracting(Alert::firstSeen).containsExactly(T0);
            assertThat(f.config.rules().watchlists().contains("break-glass", MEMBER))
                    .as("the configuration's lists are the files', whatever the topology's copy saw").isTrue();
        }
    }

    @Test
    void aRecordThatIsNotAMemberIsSkippedWithoutItsUserInTheLog() {
        try (LogCapture logs = LogCapture.all(); TopologyFixture f = new TopologyFixture(SHORT_SUPPRESSION)) {
            TestInputTopic<String, String> lists = watchlists(f);
            lists.pipeInput("break-glass|Victim@Contoso.com", "{}");
            lists.pipeInput("break-glass|victim@contoso.com", "{\"user\":\"someone-else@contoso.com\"}");
            lists.pipeInput("break-glass|" + MEMBER, "{not json victim");
            lists.pipeInput("break-glass|" + MEMBER, "{}");
            f.signIn(signIn("victim", "t1", "victim@contoso.com", 0, T0));
            f.signIn(signIn("member", "t1", MEMBER, 0, T0));

            assertThat(breakGlass(f)).extracting(alert -> alert.entity().value()).containsExactly(MEMBER);
            assertThat(logs.lines()).as("log lines")
                    .anyMatch(line -> line.contains("watchlist record ignored (gatewatch-watchlists-0 offset 0)"))
                    .anyMatch(line -> line.contains("the value is not JSON"))
                    .noneMatch(line -> line.toLowerCase().contains("victim") || line.contains(MEMBER));
        }
    }

    private static TestInputTopic<String, String> watchlists(TopologyFixture f) {
        return f.driver.createInputTopic(f.config.topics().watchlists().name(), new StringSerializer(), new StringSerializer());
    }

    private static List<Alert> breakGlass(TopologyFixture f) {
        return f.alerts.readValuesToList().stream().filter(alert -> alert.rule().equals("BREAK_GLASS_SIGN_IN")).toList();
    }
}
