package io.gatewatch.app.api;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the queries one instance forwards to another, and checks them on arrival, with the
 * shared {@code api.internal.secret}: the caller's token never leaves the instance it was
 * presented to. A forwarded query carries the caller's resolved scope ({@code *} or the tenants),
 * the time it was sent and an HMAC-SHA256 over method, path and query, time and scope; the
 * receiver answers it with exactly that scope, and only within {@link #SKEW} of its own clock, so
 * a captured query cannot be widened, moved to another path or replayed later than that.
 */
final class ForwardSignature {

    static final String SCOPE = "X-Gatewatch-Forwarded-Scope";
    static final String TIME = "X-Gatewatch-Forwarded-At";
    static final String SIGNATURE = "X-Gatewatch-Forwarded-Signature";
    /** Every header that marks a request as forwarded, the former unsigned marker too. */
    static final String PREFIX = "X-Gatewatch-Forwarded";
    /** How far the sender's clock may be from the receiver's, either way. */
    static final Duration SKEW = Duration.ofSeconds(60);

    private final SecretKeySpec key;
    private final Clock clock;

    ForwardSignature(String secret, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** The headers that forward {@code method pathAndQuery} for a caller with {@code scope}. */
    Map<String, String> sign(String method, String pathAndQuery, AccessTokens.Scope scope) {
        String time = String.valueOf(clock.instant().getEpochSecond());
        String scopeText = format(scope);
        return Map.of(SCOPE, scopeText, TIME, time, SIGNATURE, mac(method, pathAndQuery, time, scopeText));
    }

    /**
     * The scope a forwarded request was signed with; 401 when a header is missing, the signature
     * does not match, or the time is outside the skew. The reasons name no header value.
     */
    AccessTokens.Scope verify(String method, String pathAndQuery, String scope, String time, String signature) {
        if (scope == null || time == null || signature == null) {
            throw new ApiException(401, "a forwarded request needs " + SCOPE + ", " + TIME + " and " + SIGNATURE);
        }
        byte[] expected = mac(method, pathAndQuery, time, scope).getBytes(StandardCharsets.US_ASCII);
        // compared before anything else is looked at, in constant time: no early exit tells how much matched
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException(401, "the forwarded request's signature does not match (is api.internal.secret"
                    + " the same on every instance?)");
        }
        long sent;
        try {
            sent = Long.parseLong(time);
        } catch (NumberFormatException e) {
            throw new ApiException(401, TIME + " must be seconds since the epoch");
        }
        if (Math.abs(clock.instant().getEpochSecond() - sent) > SKEW.toSeconds()) {
            throw new ApiException(401, "the forwarded request was signed more than " + SKEW.toSeconds()
                    + " s from this instance's time (are the instances' clocks in sync?)");
        }
        return parse(scope);
    }

    /** {@code *}, or the tenants sorted, each URL-encoded, comma-separated: one spelling per scope. */
    static String format(AccessTokens.Scope scope) {
        if (scope.allTenants()) {
            return "*";
        }
        return new TreeSet<>(scope.tenants()).stream().map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
    }

    static AccessTokens.Scope parse(String scope) {
        if (scope.equals("*")) {
            return new AccessTokens.Scope(true, Set.of());
        }
        Set<String> tenants = new LinkedHashSet<>();
        for (String tenant : scope.split(",")) {
            tenants.add(URLDecoder.decode(tenant, StandardCharsets.UTF_8));
        }
        return new AccessTokens.Scope(false, tenants);
    }

    private String mac(String method, String pathAndQuery, String time, String scope) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(String.join("\n", method, pathAndQuery, time, scope)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
