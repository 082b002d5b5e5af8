package io.gatewatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void aLineWithoutAHashIsRefusedByNumberWithoutItsContent() throws IOException {
        Path file = dir.resolve("tokens");
        Files.writeString(file, AccessTokens.fileLine("ok", "*") + "\nmy-plain-token-by-mistake tenant-a\n");

        assertThatThrownBy(() -> AccessTokens.load(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 2").hasMessageNotContaining("my-plain-token-by-mistake");
    }
}
