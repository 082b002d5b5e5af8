package io.gatewatch.cli;

import io.gatewatch.app.api.AccessTokens;
import io.gatewatch.app.runtime.UsageError;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gatewatch token}: a new random API token and the line that admits it in the tokens file.
 * The file holds the token's hash only, so the token is shown here once and nowhere else.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Make a new API token and the line that admits it in the tokens file.",
                "Prints a new random token for the given tenants (give it to its user; it is stored nowhere) and the "
                        + "line to add to the tokens file (api.tokens.file), which holds only its hash. A running "
                        + "instance reads the changed file within 5 seconds."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:usage error"})
final class TokenCommand implements Callable<Integer> {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Option(names = "--tenants", required = true, paramLabel = "T1,T2|*",
            description = "The tenants the token may see, comma-separated, or * for every tenant (and provider alerts).")
    String tenants;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String scope = scope(spec.commandLine(), tenants);
        String token = newToken();
        PrintWriter out = spec.commandLine().getOut();
        out.println("token: " + token);
        out.println("tokens file line: " + AccessTokens.fileLine(token, scope));
        out.flush();
        return 0;
    }

    /** 192 random bits, URL-safe, so the token fits a header, a URL fragment and a shell without quoting. */
    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The tenants as the file wants them, {@code a,b} or {@code *}; a usage error for an empty or spaced name. */
    static String scope(CommandLine commandLine, String tenants) {
        List<String> names = new ArrayList<>();
        for (String name : tenants.split(",", -1)) {
            String tenant = name.strip();
            if (tenant.isEmpty() || tenant.chars().anyMatch(Character::isWhitespace)) {
                throw new UsageError(commandLine, "--tenants: expected tenant ids separated by commas, or *");
            }
            names.add(tenant);
        }
        if (names.contains("*") && names.size() > 1) {
            throw new UsageError(commandLine, "--tenants: * means every tenant; give it alone");
        }
        return String.join(",", names);
    }
}
