package io.gatewatch.rules.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watchlist files (CSV as an admin exports it), their one-line errors that name the file, line and
 * column but never a user, and changes of one member while readers read.
 */
class WatchlistsTest {

    private static final String SECRET_USER = "Hidden.Admin@Contoso.com";

    @TempDir
    Path dir;

    @Test
    void aCsvFileWithAHeaderGivesLowerCasedMembersPerList() throws IOException {
        Path file = write("lists.csv", "\uFEFF# exported from the admin portal\n"
                + "User,Watchlist,Note\n"
                + "Admin@Contoso.com , Privileged,\"Global admin, Tier 0\"\n"
                + "\n"
                + "bg1@contoso.onmicrosoft.com,Break-Glass,\n"
                + "bg2@contoso.onmicrosoft.com,break-glass,\"sealed\nenvelope\"\n"
                + "admin@contoso.com,privileged,again\n");

        Watchlists lists = WatchlistFile.read(List.of(file));

        assertThat(lists.names()).containsExactly("break-glass", "privileged");
        assertThat(lists.size("privileged")).isEqualTo(1);
        assertThat(lists.size("break-glass")).isEqualTo(2);
        assertThat(lists.contains("privileged", "ADMIN@contoso.com")).isTrue();
        assertThat(lists.contains("break-glass", "bg2@contoso.onmicrosoft.com")).isTrue();
        assertThat(lists.contains("privileged", "bg1@contoso.onmicrosoft.com")).isFalse();
        assertThat(lists.contains("privileged", null)).isFalse();
        assertThat(lists.toString()).isEqualTo("Watchlists[break-glass=2, privileged=1]").doesNotContain("@");
    }

    @Test
    void severalFilesAddUp() throws IOException {
        Path one = write("one.csv", "watchlist,user\nprivileged,a@x.com\n");
        Path two = write("two.csv", "watchlist,user\nprivileged,b@x.com\n");

        assertThat(WatchlistFile.read(List.of(one, two)).size("privileged")).isEqualTo(2);
    }

    @Test
    void aBadRowFailsNamingFileLineAndColumnNeverTheValue() throws IOException {
        assertProblem("watchlist,user\nprivileged,a@x.com\n# note\n\nprivileged," + SECRET_USER.replace("@", " at ") + "\n",
                ": line 5: user is not a user principal name (name@domain)");
        assertProblem("watchlist,user\nprivileged,a@x.com\nprivileged,\n", ": line 3: user is empty");
        assertProblem("watchlist,user\nPriv Ileged," + SECRET_USER + "\n", ": line 2: watchlist is not a list name");
        assertProblem("watchlist,user,note\nprivileged," + SECRET_USER + ",\"unclosed\n", ": line 2: not valid CSV");
        assertProblem("privileged," + SECRET_USER + "\n",
                ": line 1: the header must name the columns watchlist and user (e.g. watchlist,user,note)");
        assertProblem("# comment\nname,upn\n", ": line 2: the header must name the columns watchlist and user");
        assertProblem("watchlist,user,user\nprivileged," + SECRET_USER + "," + SECRET_USER + "\n",
                ": line 1: the header is not valid CSV or repeats a column name");
    }

    @Test
    void aMissingFileIsOneLine() {
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> WatchlistFile.read(List.of(missing))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + ": cannot be read (NoSuchFileException)");
    }

    @Test
    void aMemberIsAddedAndRemovedOneAtATime() {
        Watchlists lists = new Watchlists();
        lists.apply(WatchlistChange.of("privileged|a@x.com", "{\"watchlist\":\"privileged\",\"user\":\"A@x.com\",\"note\":\"n\"}"));
        lists.apply(WatchlistChange.of("privileged|b@x.com", "{}"));
        assertThat(lists.contains("privileged", "a@x.com")).isTrue();
        assertThat(lists.size("privileged")).isEqualTo(2);

        lists.apply(WatchlistChange.of("privileged|a@x.com", null));
        lists.apply(WatchlistChange.of("break-glass|a@x.com", null)); // not a member: nothing to do

        assertThat(lists.contains("privileged", "a@x.com")).isFalse();
        assertThat(lists.contains("privileged", "b@x.com")).isTrue();
        lists.remove("privileged", "b@x.com");
        assertThat(lists.names()).as("an emptied list has no members to name").isEmpty();
    }

    @Test
    void aCopyIsIndependentAndReadOnlyListsRefuseChanges() {
        Watchlists files = new Watchlists();
        files.add("privileged", "a@x.com");
        Watchlists running = files.copy();
        running.add("privileged", "b@x.com");
        Watchlists shared = files.readOnly();

        assertThat(files.contains("privileged", "b@x.com")).isFalse();
        assertThat(shared.contains("privileged", "a@x.com")).isTrue();
        assertThatThrownBy(() -> shared.add("privileged", "c@x.com")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Watchlists.NONE.add("privileged", "c@x.com")).isInstanceOf(IllegalStateException.class);
        assertThat(WatchlistLookup.NONE.contains("privileged", "a@x.com")).isFalse();
    }

    @Test
    void aReaderSeesTheWritersChangeWhileReading() throws InterruptedException {
        Watchlists lists = new Watchlists();
        AtomicBoolean seen = new AtomicBoolean();
        CountDownLatch reading = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            reading.countDown();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!seen.get() && System.nanoTime() < deadline) {
                seen.set(lists.contains("privileged", "late@x.com"));
            }
        });
        reader.start();
        reading.await();
        for (int i = 0; i < 1000; i++) {
            lists.add("privileged", "user" + i + "@x.com"); // grows the set under the reader
        }
        lists.add("privileged", "late@x.com");
        reader.join();

        assertThat(seen).isTrue();
    }

    @Test
    void aTopicRecordThatIsNotAMemberIsRefusedWithoutEchoingIt() {
        assertChangeProblem("no-separator", "{}", "the key is not watchlist|user");
        assertChangeProblem("Privileged|" + SECRET_USER.toLowerCase(), "{}", "the key's watchlist is not a lower-case list name");
        assertChangeProblem("privileged|" + SECRET_USER, "{}", "the key's user is not a lower-case user principal name");
        assertChangeProblem("privileged|a@x.com", "{\"user\":\"" + SECRET_USER + "\"}", "the value's user is not the key's");
        assertChangeProblem("privileged|a@x.com", "{\"watchlist\":\"break-glass\"}", "the value's watchlist is not the key's");
        assertChangeProblem("privileged|a@x.com", "{\"user\": " + SECRET_USER + "}", "the value is not JSON");
        assertChangeProblem("privileged|a@x.com", "[\"" + SECRET_USER + "\"]", "the value is not a JSON object");
        assertThat(WatchlistChange.of("privileged|a@x.com", null).toString()).isEqualTo("WatchlistChange[privileged -1]");
    }

    private void assertChangeProblem(String key, String value, String message) {
        assertThatThrownBy(() -> WatchlistChange.of(key, value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message).message().doesNotContainIgnoringCase("hidden");
    }

    private void assertProblem(String text, String message) throws IOException {
        Path file = write("bad.csv", text);
        assertThatThrownBy(() -> WatchlistFile.read(List.of(file))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + message).message().doesNotContainIgnoringCase("hidden");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
