package io.gatewatch.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SignInSpecTest {

    private static final Pattern LOWERCASE_GUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final SyntheticUser USER = new SyntheticUser("11111111-2222-4333-8444-555555555555",
            "Adele.Vance@tenant1.example.com", "u-1", "Adele Vance", HomeLocation.CITIES.get(0), "192.0.2.7");

    @Test
    void aGuidIdGetsAGuidCorrelationIdOfItsOwn() {
        String id = "5e1f00aa-0001-4000-8000-00000000002a";
        String correlation = spec(id).correlationId();
        assertThat(correlation).matches(LOWERCASE_GUID).isNotEqualTo(id).isEqualTo(spec(id).correlationId());
        assertThat(spec("5e1f00aa-0001-4000-8000-00000000002b").correlationId()).isNotEqualTo(correlation);
    }

    @Test
    void anIdOfAnotherShapeIsPrefixed() {
        assertThat(spec("attack-7").correlationId()).isEqualTo("cattack-7");
    }

    /** A user's sign-ins from one address on one UTC day share a session; another address or day is another. */
    @Test
    void theSessionIsTheUsersAtOneAddressOnOneDay() {
        SignInSpec morning = at("a", Instant.parse("2026-11-01T08:00:00Z"), "192.0.2.7");
        String session = morning.sessionId();
        assertThat(session).matches(LOWERCASE_GUID).isEqualTo(morning.sessionId());
        assertThat(at("b", Instant.parse("2026-11-01T23:59:59Z"), "192.0.2.7").sessionId()).isEqualTo(session);
        assertThat(at("c", Instant.parse("2026-11-02T00:00:00Z"), "192.0.2.7").sessionId()).isNotEqualTo(session);
        assertThat(at("d", Instant.parse("2026-11-01T09:00:00Z"), "198.51.100.9").sessionId()).isNotEqualTo(session);
        SyntheticUser other = new SyntheticUser(USER.tenantId(), "Other@tenant1.example.com", "u-2", "Other",
                USER.home(), USER.usualIp());
        assertThat(new SignInSpec("e", Instant.parse("2026-11-01T08:00:00Z"), other, "192.0.2.7", USER.home(), 0,
                null, null, null, true, "Azure Portal").sessionId()).isNotEqualTo(session);
    }

    private static SignInSpec at(String id, Instant time, String ip) {
        return new SignInSpec(id, time, USER, ip, HomeLocation.CITIES.get(0), 0, null, null, null, true, "Azure Portal");
    }

    private static SignInSpec spec(String id) {
        return new SignInSpec(id, Instant.EPOCH, USER, "192.0.2.7", HomeLocation.CITIES.get(0), 0, null, null, null,
                true, "Azure Portal");
    }
}
