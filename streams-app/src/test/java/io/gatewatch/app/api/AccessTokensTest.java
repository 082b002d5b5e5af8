package io.gatewatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokens file holds hashes and scopes; tokens are recognised by hash, and a bad line is named, never echoed. */
class AccessTokensTest {

    @TempDir
    Path dir;

    @Test
    void tokensAreKnownByTheirHashWithTheirTenants() throws IOException {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "# comment\n\n" + AccessTokens.fileLine("admin-secret", "*") + "\n"
                + AccessTokens.fileLine("helpdesk-secret", "tenant-a, tenant-b") + "\n");
        AccessTokens tokens = AccessTokens.load(file);

        assertThat(Files.readString(file)).doesNotContain("admin-secret", "helpdesk-secret");
        assertThat(tokens.verify("admin-secret")).hasValueSatisfying(s -> assertThat(s.allows("any-tenant")).isTrue());
        assertThat(tokens.verify("helpdesk-secret")).hasValueSatisfying(s -> {
            assertThat(s.allows("tenant-b")).isTrue();
            assertThat(s.allows("tenant-c")).isFalse();
        });
        assertThat(tokens.verify("guess")).isEmpty();
        assertThat(AccessTokens.none().verify("admin-secret")).isEmpty();
    }

    @Test
    void aTenantGuidInUpperCaseNamesTheRecordsTenantAndACraftedIdIsRefused() throws IOException {
        Path file = dir.resolve("tokens");
        Files.writeString(file, AccessTokens.fileLine("t", "72F988BF-86F1-41AF-91AB-2D7CD011DB47") + "\n");
        assertThat(AccessTokens.load(file).verify("t")).hasValueSatisfying(s ->
                assertThat(s.allows("72f988bf-86f1-41af-91ab-2d7cd011db47")).isTrue());
        Files.writeString(file, AccessTokens.fileLine("t", "tenant-a|user") + "\n");
        assertThatThrownBy(() -> AccessTokens.load(file)).isInstanceOf(IOException.class).hasMessageContaining("line 1")
                .hasMessageNotContaining("tenant-a");
    }

    @Test
    void aLineWithoutAHashIsRefusedByNumberWithoutItsContent() throws IOException {
        Path file = dir.resolve("tokens");
        Files.writeString(file, AccessTokens.fileLine("ok", "*") + "\nmy-plain-token-by-mistake tenant-a\n");

        assertThatThrownBy(() -> AccessTokens.load(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 2").hasMessageNotContaining("my-plain-token-by-mistake");
    }

    @Test
    void aWatchedFileIsReReadWhenItChangesAtMostOncePerInterval() throws IOException {
        Path file = dir.resolve("tokens");
        Files.writeString(file, AccessTokens.fileLine("old-token", "tenant-a") + "\n");
        AtomicLong now = new AtomicLong();
        AccessTokens tokens = AccessTokens.watch(file, Duration.ofSeconds(5), now::get);
        assertThat(tokens.verify("old-token")).isPresent();

        Files.writeString(file, AccessTokens.fileLine("new-token", "tenant-b") + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(tokens.verify("new-token")).as("not looked at again within the interval").isEmpty();

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(tokens.verify("new-token")).hasValueSatisfying(s -> assertThat(s.tenants()).containsExactly("tenant-b"));
        assertThat(tokens.verify("old-token")).as("revoked by removing its line").isEmpty();
    }

    @Test
    void aBrokenRewriteLeavesTheTokensReadBefore() throws IOException {
        Path file = dir.resolve("tokens");
        Files.writeString(file, AccessTokens.fileLine("kept", "*") + "\n");
        AtomicLong now = new AtomicLong();
        AccessTokens tokens = AccessTokens.watch(file, Duration.ZERO, now::get);

        Files.writeString(file, "sha256:12ab *\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));

        assertThat(tokens.verify("kept")).isPresent();
    }

    @Test
    void aLoadedFileIsReadOnce() throws IOException {
        Path file = dir.resolve("tokens");
        Files.writeString(file, AccessTokens.fileLine("first", "*") + "\n");
        AccessTokens tokens = AccessTokens.load(file);

        Files.writeString(file, AccessTokens.fileLine("second", "*") + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));

        assertThat(tokens.verify("first")).isPresent();
        assertThat(tokens.verify("second")).isEmpty();
    }
}
