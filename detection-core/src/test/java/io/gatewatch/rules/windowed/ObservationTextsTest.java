package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.GeoLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user's observations share their repeated texts ({@code SharedTexts}). */
class ObservationTextsTest {

    @Test
    void aUsersObservationsHoldOneStringForNameAddressAppAndPlace() {
        RuleRun run = new RuleRun();
        GeoLocation seattle = new GeoLocation("Seattle", "Washington", "US", 47.61, -122.33);
        GeoLocation bellevue = new GeoLocation("Bellevue", "Washington", "US", 47.61, -122.20);
        for (int i = 0; i < 3; i++) { // the window keeps each place's latest: Bellevue's, then Seattle's
            run.signIn("Alice@Contoso.com", "203.0.113.7", 0, RuleRun.T0.plusSeconds(i * 60L), null,
                    new String("Outlook"), i == 1 ? bellevue : seattle);
        }
        run.signIn("bob@contoso.com", "203.0.113.9", 0, RuleRun.T0.plusSeconds(200), null, new String("Outlook"), seattle);
        List<Observation> held = run.window("user", "alice@contoso.com", "IMPOSSIBLE_TRAVEL").observations();
        assertThat(held).hasSize(2);
        for (Observation o : held) {
            assertThat(o.user()).isSameAs(held.get(0).user());
            assertThat(o.ip()).isSameAs(held.get(0).ip());
            assertThat(o.app()).isSameAs(held.get(0).app());
        }
        assertThat(run.window("user", "bob@contoso.com", "IMPOSSIBLE_TRAVEL").observations().get(0).location())
                .isSameAs(held.get(1).location());
        assertThat(held).extracting(Observation::correlationId).doesNotHaveDuplicates();
    }
}
