package io.gatewatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

/** The signature on forwarded queries: bound to method, path and query, time and scope; refused past the skew. */
class ForwardSignatureTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-shared";
    private static final String PATH = "/api/v1/tenants/tenant-a/alerts?from=2026-01-01T00:00:00Z&limit=5";
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final AccessTokens.Scope TENANT_A = new AccessTokens.Scope(false, Set.of("tenant-a"));

    private final ForwardSignature sender = new ForwardSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theReceiverGetsExactlyTheSignedScope() {
        Map<String, String> headers = sender.sign("GET", PATH, TENANT_A);

        assertThat(verify(receiverAt(NOW.plusSeconds(2)), "GET", PATH, headers)).isEqualTo(TENANT_A);
        AccessTokens.Scope all = verify(receiverAt(NOW), "GET", "/api/v1/tenants",
                sender.sign("GET", "/api/v1/tenants", new AccessTokens.Scope(true, Set.of())));
        assertThat(all.allTenants()).isTrue();
        assertThat(headers).doesNotContainKey("Authorization");
    }

    @Test
    void tenantsWithCommasOrSpacesSurviveTheHeader() {
        AccessTokens.Scope odd = new AccessTokens.Scope(false, Set.of("a,b", "c d", "é"));
        Map<String, String> headers = sender.sign("GET", PATH, odd);

        assertThat(headers.get(ForwardSignature.SCOPE)).isEqualTo("a%2Cb,c+d,%C3%A9");
        assertThat(verify(receiverAt(NOW), "GET", PATH, headers).tenants()).containsExactlyInAnyOrder("a,b", "c d", "é");
    }

    @Test
    void aTamperedPathQueryScopeTimeOrMethodIsRefused() {
        Map<String, String> headers = sender.sign("GET", PATH, TENANT_A);
        ForwardSignature receiver = receiverAt(NOW);

        refused(() -> verify(receiver, "GET", PATH.replace("tenant-a", "tenant-b"), headers), "signature does not match");
        refused(() -> verify(receiver, "GET", PATH.replace("limit=5", "limit=500"), headers), "signature does not match");
        refused(() -> verify(receiver, "POST", PATH, headers), "signature does not match");
        refused(() -> verify(receiver, "GET", PATH, with(headers, ForwardSignature.SCOPE, "*")), "signature does not match");
        refused(() -> verify(receiver, "GET", PATH, with(headers, ForwardSignature.SCOPE, "tenant-a,tenant-b")),
                "signature does not match");
        refused(() -> verify(receiver, "GET", PATH, with(headers, ForwardSignature.TIME,
                String.valueOf(NOW.getEpochSecond() + 1))), "signature does not match");
        refused(() -> verify(receiver, "GET", PATH, with(headers, ForwardSignature.SIGNATURE, "")), "signature does not match");
    }

    @Test
    void anotherSecretsSignatureIsRefused() {
        Map<String, String> headers = new ForwardSignature(SECRET + "-other", Clock.fixed(NOW, ZoneOffset.UTC))
                .sign("GET", PATH, TENANT_A);
        refused(() -> verify(receiverAt(NOW), "GET", PATH, headers), "signature does not match");
    }

    @Test
    void aReplayOutsideTheSkewIsRefusedEitherWay() {
        Map<String, String> headers = sender.sign("GET", PATH, TENANT_A);
        long skew = ForwardSignature.SKEW.toSeconds();

        assertThat(verify(receiverAt(NOW.plusSeconds(skew)), "GET", PATH, headers)).isEqualTo(TENANT_A);
        assertThat(verify(receiverAt(NOW.minusSeconds(skew)), "GET", PATH, headers)).isEqualTo(TENANT_A);
        refused(() -> verify(receiverAt(NOW.plus(Duration.ofSeconds(skew + 1))), "GET", PATH, headers), "clocks in sync");
        refused(() -> verify(receiverAt(NOW.minus(Duration.ofSeconds(skew + 1))), "GET", PATH, headers), "clocks in sync");
        refused(() -> verify(receiverAt(NOW.plus(Duration.ofHours(1))), "GET", PATH, headers), "clocks in sync");
    }

    @Test
    void aMissingHeaderIsRefused() {
        Map<String, String> headers = sender.sign("GET", PATH, TENANT_A);
        for (String header : headers.keySet()) {
            refused(() -> verify(receiverAt(NOW), "GET", PATH, with(headers, header, null)), "a forwarded request needs");
        }
    }

    private static ForwardSignature receiverAt(Instant now) {
        return new ForwardSignature(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static AccessTokens.Scope verify(ForwardSignature receiver, String method, String path, Map<String, String> headers) {
        return receiver.verify(method, path, headers.get(ForwardSignature.SCOPE), headers.get(ForwardSignature.TIME),
                headers.get(ForwardSignature.SIGNATURE));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> changed = new java.util.HashMap<>(headers);
        changed.put(name, value);
        return changed;
    }

    private static void refused(ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains(reason);
        });
    }
}
