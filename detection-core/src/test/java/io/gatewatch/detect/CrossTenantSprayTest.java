package io.gatewatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One address failing against many tenants, as a provider watching them all sees it. */
class CrossTenantSprayTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final String SPRAYER = "198.18.7.7";
    private static final EventClassifier CLASSIFIER = EventClassifier.offline(ClassificationData.defaults(), Map.of());
    private static final RuleSettings ON = RuleSettings.fromProperties(Map.of("rule.CROSS_TENANT_SPRAY.enabled", "true"));

    private final List<Alert> alerts = new ArrayList<>();
    private DetectionEngine engine = new DetectionEngine(ON, Duration.ofMinutes(2));
    private final DetectionEngine.State state = new DetectionEngine.Memory().state();
    private int sequence;

    private void signIn(String tenant, String user, String ip, int code, Instant time) {
        sequence++;
        SignInEvent event = new SignInEvent("e" + sequence, time, tenant, "graph", "SignInLogs", user, null, null,
                null, null, "App", null, null, ip, null, "corr" + sequence, true, code, null, null, null, null, null,
                null, null, List.of(), null, null, null, List.of(), List.of(), null, null);
        alerts.addAll(engine.process(tenant, new ClassifiedEvent(event, CLASSIFIER.classify(event)), state, time));
    }

    private List<Alert> crossTenant() {
        return alerts.stream().filter(a -> a.rule().equals("CROSS_TENANT_SPRAY")).toList();
    }

    /** Two users of each tenant, one tenant after another, a minute apart. */
    private void spray(int tenants) {
        for (int t = 0; t < tenants; t++) {
            for (int u = 0; u < 2; u++) {
                signIn("tenant-" + t, "user" + u + "@t" + t + ".example", SPRAYER, 50126,
                        T0.plus(Duration.ofMinutes(t * 2L + u)));
            }
        }
    }

    @Test
    void fiveTenantsFromOneAddressAlertOnceForTheProvider() {
        spray(7);

        assertThat(crossTenant()).singleElement().satisfies(a -> {
            assertThat(a.tenantId()).isEqualTo("provider");
            assertThat(a.entity().type()).isEqualTo("ip");
            assertThat(a.entity().value()).isEqualTo(SPRAYER);
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.summary()).contains("5 tenants").doesNotContain("user0");
            assertThat(a.lastSeen()).as("the fifth tenant's second user").isEqualTo(T0.plus(Duration.ofMinutes(9)));
        });
    }

    @Test
    void fourTenantsOrAnHourApartIsNotACrossTenantSpray() {
        spray(4);
        signIn("tenant-9", "late@t9.example", SPRAYER, 50126, T0.plus(Duration.ofMinutes(70)));
        assertThat(crossTenant()).isEmpty();
    }

    /** A proxy egress: a tenant's first typo there is alone; by its second, colleagues have signed in. */
    @Test
    void aSharedEgressWhereMostUsersSucceedIsNotASprayerInAnyTenant() {
        for (int t = 0; t < 8; t++) {
            signIn("tenant-" + t, "first@t" + t + ".example", SPRAYER, 50126, T0.plusSeconds(t * 10L));
            for (int u = 0; u < 3; u++) {
                signIn("tenant-" + t, "ok" + u + "@t" + t + ".example", SPRAYER, 0, T0.plusSeconds(t * 10L + u + 1));
            }
        }
        for (int t = 0; t < 8; t++) {
            signIn("tenant-" + t, "typo@t" + t + ".example", SPRAYER, 50126, T0.plusSeconds(200 + t));
        }
        assertThat(crossTenant()).isEmpty();
    }

    @Test
    void offUnlessSwitchedOn() {
        engine = new DetectionEngine(RuleSettings.DEFAULTS, Duration.ofMinutes(2));
        spray(7);
        assertThat(crossTenant()).isEmpty();
    }
}
