package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.api.AccessTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatewatch token}: the printed file line, loaded as the API loads it, admits the printed token to exactly its tenants. */
class TokenCommandTest {

    @TempDir
    Path dir;

    @Test
    void thePrintedLineAuthorisesThePrintedTokenForExactlyTheGivenTenants() throws IOException {
        CliRun run = CliRun.run("token", "--tenants", "tenant-1, tenant-2");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(2);
        String token = run.outLines().get(0).replaceFirst("^token: ", "");
        String line = run.outLines().get(1).replaceFirst("^tokens file line: ", "");
        assertThat(token).matches("[A-Za-z0-9_-]{32}");
        assertThat(line).startsWith("sha256:").doesNotContain(token);
        Path file = Files.writeString(dir.resolve("tokens"), line + "\n");

        AccessTokens tokens = AccessTokens.load(file);

        assertThat(tokens.verify(token)).hasValueSatisfying(scope -> {
            assertThat(scope.allTenants()).isFalse();
            assertThat(scope.tenants()).isEqualTo(Set.of("tenant-1", "tenant-2"));
        });
        assertThat(tokens.verify(token + "x")).isEmpty();
    }

    @Test
    void everyRunMakesANewTokenAndStarAdmitsEveryTenant() throws IOException {
        CliRun first = CliRun.run("token", "--tenants", "*");
        CliRun second = CliRun.run("token", "--tenants", "*");
        String token = first.outLines().get(0).replaceFirst("^token: ", "");

        assertThat(token).isNotEqualTo(second.outLines().get(0).replaceFirst("^token: ", ""));
        Path file = Files.writeString(dir.resolve("tokens"), first.outLines().get(1).replaceFirst("^tokens file line: ", ""));
        assertThat(AccessTokens.load(file).verify(token)).hasValueSatisfying(scope -> assertThat(scope.allTenants()).isTrue());
    }

    @Test
    void anEmptyTenantOrAStarAmongTenantsIsAUsageError() {
        OneLineErrorsTest.assertOneLine(CliRun.run("token", "--tenants", "a,,b"), 2, "--tenants");
        OneLineErrorsTest.assertOneLine(CliRun.run("token", "--tenants", "a,*"), 2, "--tenants", "alone");
    }
}
