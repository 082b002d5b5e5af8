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

    private static SignInSpec spec(String id) {
        return new SignInSpec(id, Instant.EPOCH, USER, "192.0.2.7", HomeLocation.CITIES.get(0), 0, null, null, null,
                true, "Azure Portal");
    }
}
