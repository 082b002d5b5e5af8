package io.gatewatch.app.api;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who a request speaks for, as the tenants it may see. A user's request presents a bearer token:
 * one of {@code api.tokens.file}'s, or a JWT of the OpenID Connect issuer ({@code api.oidc.*}).
 * A request another instance forwarded presents no token, only its signed scope
 * ({@link ForwardSignature}); one that says it was forwarded is judged by its signature alone,
 * never by a token it also carries, so the forwarding headers cannot lend a user wider rights.
 */
final class Callers {

    private final AccessTokens tokens;
    private final OidcTokens oidc;
    private final ForwardSignature signature;

    /** {@code oidc} and {@code signature} may be null: no issuer; no secret, so no request is taken as forwarded. */
    Callers(AccessTokens tokens, OidcTokens oidc, ForwardSignature signature) {
        this.tokens = tokens;
        this.oidc = oidc;
        this.signature = signature;
    }

    /** What the request may see; 401 without a valid token or signature. */
    AccessTokens.Scope scope(Context ctx) {
        if (forwarded(ctx)) {
            if (signature == null) {
                throw new ApiException(401, "a forwarded request, but api.internal.secret is not set on this instance");
            }
            return signature.verify(ctx.method().name(), pathAndQuery(ctx), ctx.header(ForwardSignature.SCOPE),
                    ctx.header(ForwardSignature.TIME), ctx.header(ForwardSignature.SIGNATURE));
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "an Authorization: Bearer <token> header is required");
        }
        String token = header.substring(7).strip();
        Optional<AccessTokens.Scope> listed = tokens.verify(token);
        if (listed.isPresent()) {
            return listed.get();
        }
        if (oidc != null && OidcTokens.looksLikeJwt(token)) {
            return oidc.verify(token);
        }
        throw new ApiException(401, "unknown token");
    }

    /** Whether the request says it was forwarded by another instance (any of the forwarding headers). */
    static boolean forwarded(Context ctx) {
        return ctx.headerMap().keySet().stream().anyMatch(name -> name.regionMatches(true, 0,
                ForwardSignature.PREFIX, 0, ForwardSignature.PREFIX.length()));
    }

    /** The path and query as received: what the sender signed. */
    static String pathAndQuery(Context ctx) {
        return ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    }
}
