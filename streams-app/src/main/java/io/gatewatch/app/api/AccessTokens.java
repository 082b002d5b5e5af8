package io.gatewatch.app.api;

import io.gatewatch.schema.read.TenantIds;
import io.gatewatch.schema.read.UnreadableRecordException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's bearer tokens, from {@code api.tokens.file}: one line per token,
 * {@code sha256:<hex of the token's SHA-256> <tenant>,<tenant>...} or {@code ... *} for every
 * tenant; {@code #} starts a comment. The file holds hashes, never tokens; a presented token is
 * hashed and compared in constant time with every entry, so neither a match nor its position
 * shows in the timing. {@link #watch} re-reads the file when it changes, so adding or revoking a
 * token needs no restart.
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

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);
    private static final String PREFIX = "sha256:";

    /** How often, at most, a request looks whether the tokens file changed. */
    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);

    private volatile List<Grant> grants;
    /** The file to re-read when it changes; null for a fixed set. */
    private final FileChangeWatch watch;

    private AccessTokens(List<Grant> grants, FileChangeWatch watch) {
        this.grants = List.copyOf(grants);
        this.watch = watch;
    }

    /** No tokens at all: every request is refused. */
    public static AccessTokens none() {
        return new AccessTokens(List.of(), null);
    }

    /** The tokens of the file as it is now. */
    public static AccessTokens load(Path file) throws IOException {
        return new AccessTokens(read(file), null);
    }

    /**
     * The tokens of the file, re-read when it changes (looked at on a request, at most every
     * {@link #CHECK_INTERVAL}). A file that cannot be read or parsed on a re-read leaves the tokens
     * read before in force, with a warning naming the line: an editor's half-saved file must not
     * lock everyone out, and the next save is read again.
     */
    public static AccessTokens watch(Path file) throws IOException {
        return watch(file, CHECK_INTERVAL, System::nanoTime);
    }

    static AccessTokens watch(Path file, Duration interval, LongSupplier nanoClock) throws IOException {
        FileChangeWatch watch = new FileChangeWatch(file, interval, nanoClock);
        return new AccessTokens(read(file), watch);
    }

    private static List<Grant> read(Path file) throws IOException {
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
            Set<String> named = new LinkedHashSet<>();
            for (String tenant : tenants.split("\\s*,\\s*")) {
                try {
                    named.add(TenantIds.normalise(tenant)); // a GUID in any case names the records' tenant
                } catch (UnreadableRecordException e) {
                    throw new IOException(file + ": line " + number + ": a tenant id holds '|' or a control character");
                }
            }
            grants.add(new Grant(hash, tenants.equals("*") ? new Scope(true, Set.of()) : new Scope(false, named)));
        }
        return grants;
    }

    private void reloadIfChanged() {
        if (watch != null && watch.changed()) {
            try {
                grants = List.copyOf(read(watch.file()));
                LOG.info("api.tokens.file changed: {} token(s) now", grants.size());
            } catch (IOException e) {
                // the message names the file and line, never the line's content (it may be a token pasted by mistake)
                LOG.warn("api.tokens.file not re-read ({}); the tokens read before stay in force until it is fixed",
                        e.getMessage());
            }
        }
    }

    /** The line to put in the tokens file for a token. */
    public static String fileLine(String token, String tenants) {
        return PREFIX + HexFormat.of().formatHex(sha256(token)) + " " + tenants;
    }

    /** The scope of a presented token, empty when it is unknown. */
    public Optional<Scope> verify(String token) {
        reloadIfChanged();
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
