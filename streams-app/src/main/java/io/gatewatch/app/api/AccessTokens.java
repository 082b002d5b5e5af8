package io.gatewatch.app.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The API's bearer tokens, from {@code api.tokens.file}: one line per token,
 * {@code sha256:<hex of the token's SHA-256> <tenant>,<tenant>...} or {@code ... *} for every
 * tenant; {@code #} starts a comment. The file holds hashes, never tokens; a presented token is
 * hashed and compared in constant time with every entry, so neither a match nor its position
 * shows in the timing.
 */
public final class AccessTokens {

    /** What a token may see. */
    public record Scope(boolean allTenants, Set<String> tenants) {

        public boolean allows(String tenant) {
            return allTenants || tenants.contains(tenant);
        }
    }

    private record Grant(byte[] hash, Scope scope) {
    }

    private static final String PREFIX = "sha256:";
    private final List<Grant> grants;

    private AccessTokens(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    /** No tokens at all: every request is refused. */
    public static AccessTokens none() {
        return new AccessTokens(List.of());
    }

    public static AccessTokens load(Path file) throws IOException {
        List<Grant> grants = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] parts = text.split("\\s+", 2);
            if (!parts[0].startsWith(PREFIX) || parts.length < 2) {
                // the line may hold a token pasted by mistake: name the line, never its content
                throw new IOException(file + ": line " + number + ": expected 'sha256:<hex> <tenant,...|*>'");
            }
            byte[] hash;
            try {
                hash = HexFormat.of().parseHex(parts[0].substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": line " + number + ": the hash is not hexadecimal");
            }
            if (hash.length != 32) {
                throw new IOException(file + ": line " + number + ": a SHA-256 hash has 64 hex digits");
            }
            String tenants = parts[1].strip();
            grants.add(new Grant(hash, tenants.equals("*") ? new Scope(true, Set.of())
                    : new Scope(false, new LinkedHashSet<>(List.of(tenants.split("\\s*,\\s*"))))));
        }
        return new AccessTokens(grants);
    }

    /** The line to put in the tokens file for a token. */
    public static String fileLine(String token, String tenants) {
        return PREFIX + HexFormat.of().formatHex(sha256(token)) + " " + tenants;
    }

    /** The scope of a presented token, empty when it is unknown. */
    public Optional<Scope> verify(String token) {
        byte[] presented = sha256(token);
        Scope match = null;
        for (Grant grant : grants) {
            if (MessageDigest.isEqual(grant.hash(), presented) && match == null) {
                match = grant.scope();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
