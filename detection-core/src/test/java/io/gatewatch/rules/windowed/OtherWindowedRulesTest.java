package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import static io.gatewatch.rules.windowed.RuleRun.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.GeoLocation;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each of the other windowed rules at threshold - 1 and at threshold, and their escalations. */
class OtherWindowedRulesTest {

    private static final String FRAUDLESS_DENY = "MFA denied; user did not respond to mobile app notification";
    private static final String DECLINE = "MFA denied; user declined the authentication";
    private static final GeoLocation SEATTLE = new GeoLocation("Seattle", null, "US", 47.61, -122.33);
    private static final GeoLocation SYDNEY = new GeoLocation("Sydney", null, "AU", -33.87, 151.21);
    private static final GeoLocation TACOMA = new GeoLocation("Tacoma", null, "US", 47.25, -122.44);

    private static List<Alert> of(RuleRun run, String rule) {
        return run.alerts().stream().filter(a -> a.rule().equals(rule)).toList();
    }

    private static RuleRun spray(int failingUsers, int succeedingUsers) {
        RuleRun run = new RuleRun();
        // the first failure opens the IP's window; successes from it count from then on
        run.signIn("target0@x.com", "203.0.113.50", 50126, T0);
        for (int i = 0; i < succeedingUsers; i++) {
            run.signIn("ok" + i + "@x.com", "203.0.113.50", 0, T0.plusSeconds(i + 1));
        }
        for (int i = 1; i < failingUsers; i++) {
            run.signIn("target" + i + "@x.com", "203.0.113.50", i % 2 == 0 ? 50126 : 50053, T0.plusSeconds(60 + i * 30L));
        }
        return run;
    }

    @Test
    void passwordSprayNeedsFiveFailingUsersAndMoreFailingThanSucceeding() {
        assertThat(of(spray(4, 0), "PASSWORD_SPRAY")).isEmpty();
        assertThat(of(spray(5, 0), "PASSWORD_SPRAY")).singleElement().satisfies(a -> {
            assertThat(a.entity()).extracting("type", "value").containsExactly("ip", "203.0.113.50");
            assertThat(a.distinctUsers()).isEqualTo(5);
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
        });
        // a NAT or proxy where most users sign in fine: 6 failing but 10 succeeding
        assertThat(of(spray(6, 10), "PASSWORD_SPRAY")).isEmpty();
    }

    /** An office address's window counts who succeeded from it: it keeps no app, place or id of theirs. */
    @Test
    void anAddressWindowKeepsOnlyTimeAndUserOfEachSuccess() {
        RuleRun office = spray(5, 0);
        office.signIn("left1@x.com", "203.0.113.50", 50057, T0.plusSeconds(150)); // opens the probe rule's window
        office.signIn("user1@x.com", "203.0.113.50", 0, T0.plusSeconds(200), null, "Outlook",
                new GeoLocation("Seattle", "Washington", "US", 47.61, -122.33));
        for (String rule : List.of(PasswordSprayRule.NAME, DisabledProbeThenSuccessRule.NAME)) {
            EntityWindow window = office.window("ip", "203.0.113.50", rule);
            assertThat(window).as(rule).isNotNull();
            assertThat(window.of("success")).as(rule).singleElement().isEqualTo(new Observation(
                    T0.plusSeconds(200).toEpochMilli(), "success", "user1@x.com", null, null, null, null));
            // the evidence the rules do report keeps everything
            assertThat(window.observations()).filteredOn(o -> !o.kind().equals("success")).isNotEmpty()
                    .allSatisfy(evidence -> assertThat(evidence.correlationId()).isNotNull());
        }
    }

    /** Five users of a small office behind one address mistype within 20 minutes and get it right a minute later. */
    @Test
    void typosCorrectedFromTheSameAddressAreNotASpray() {
        RuleRun office = new RuleRun();
        for (int i = 0; i < 5; i++) {
            office.signIn("user" + i + "@x.com", "203.0.113.60", 50126, T0.plus(Duration.ofMinutes(i * 3L)));
            office.signIn("user" + i + "@x.com", "203.0.113.60", 0, T0.plus(Duration.ofMinutes(i * 3L)).plusSeconds(40));
        }
        assertThat(of(office, "PASSWORD_SPRAY")).isEmpty();

        RuleRun oneWorked = spray(5, 0);
        oneWorked.signIn("target1@x.com", "203.0.113.50", 0, T0.plusSeconds(300));
        oneWorked.signIn("target6@x.com", "203.0.113.50", 50126, T0.plusSeconds(330));
        assertThat(of(oneWorked, "PASSWORD_SPRAY")).as("one sprayed password worked; five others still failed")
                .hasSize(1);
    }

    @Test
    void mfaFatigueAboveTenDenialsInFiveMinutesAndCriticalOnALaterSuccess() {
        RuleRun ten = new RuleRun();
        for (int i = 0; i < 10; i++) {
            ten.signIn("mfa@x.com", "198.51.100.7", 500121, T0.plusSeconds(i * 20L), FRAUDLESS_DENY, "App", null);
        }
        assertThat(of(ten, "MFA_FATIGUE")).isEmpty();
        ten.signIn("mfa@x.com", "198.51.100.7", 500121, T0.plusSeconds(200), FRAUDLESS_DENY, "App", null);
        assertThat(of(ten, "MFA_FATIGUE")).hasSize(1);
        ten.signIn("mfa@x.com", "198.51.100.7", 0, T0.plusSeconds(260));
        assertThat(of(ten, "MFA_FATIGUE_SUCCESS")).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.relatedAlertId()).isEqualTo(of(ten, "MFA_FATIGUE").get(0).alertId());
        });
    }

    @Test
    void mfaFatigueCountsDeclinesAndUnansweredPromptsTogetherButNotOrdinaryMfaFailures() {
        RuleRun mixed = new RuleRun();
        for (int i = 0; i < 11; i++) {
            mixed.signIn("mfa@x.com", "198.51.100.7", 500121, T0.plusSeconds(i * 20L), i % 2 == 0 ? FRAUDLESS_DENY
                    : DECLINE, "App", null);
        }
        assertThat(of(mixed, "MFA_FATIGUE")).hasSize(1);

        RuleRun wrongCodes = new RuleRun();
        for (int i = 0; i < 11; i++) {
            wrongCodes.signIn("mfa@x.com", "198.51.100.7", 500121, T0.plusSeconds(i * 20L),
                    "Invalid verification code entered", "App", null);
        }
        assertThat(of(wrongCodes, "MFA_FATIGUE")).isEmpty();
    }

    @Test
    void lockoutStormNeedsTwentyLockoutsAcrossFifteenUsers() {
        RuleRun fewUsers = new RuleRun();
        for (int i = 0; i < 25; i++) {
            fewUsers.signIn("u" + (i % 14) + "@x.com", "198.51.100.1", 50053, T0.plusSeconds(i * 30L));
        }
        assertThat(of(fewUsers, "LOCKOUT_STORM")).isEmpty();
        RuleRun storm = new RuleRun();
        for (int i = 0; i < 20; i++) {
            storm.signIn("u" + (i % 15) + "@x.com", "198.51.100.1", 50053, T0.plusSeconds(i * 30L));
        }
        assertThat(of(storm, "LOCKOUT_STORM")).singleElement()
                .satisfies(a -> assertThat(a.entity().type()).isEqualTo("tenant"));
    }

    @Test
    void passwordExpiryWaveAtTenDistinctUsersInAnHour() {
        RuleRun nine = new RuleRun();
        for (int i = 0; i < 9; i++) {
            nine.signIn("u" + i + "@x.com", "198.51.100.1", 50055, T0.plusSeconds(i * 60L));
            nine.signIn("u" + i + "@x.com", "198.51.100.1", 50055, T0.plusSeconds(i * 60L + 5));
        }
        assertThat(of(nine, "PASSWORD_EXPIRY_WAVE")).isEmpty();
        nine.signIn("u9@x.com", "198.51.100.1", 50055, T0.plusSeconds(600));
        assertThat(of(nine, "PASSWORD_EXPIRY_WAVE")).singleElement()
                .satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void disabledAccountProbingByAppsPerUserAndAccountsPerIp() {
        RuleRun apps = new RuleRun();
        apps.signIn("gone@x.com", "198.51.100.3", 50057, T0, null, "Teams", null);
        apps.signIn("gone@x.com", "198.51.100.3", 50057, T0.plusSeconds(60), null, "Outlook", null);
        apps.signIn("gone@x.com", "198.51.100.3", 50057, T0.plusSeconds(120), null, "Outlook", null);
        assertThat(of(apps, "DISABLED_ACCOUNT_PROBING")).isEmpty();
        apps.signIn("gone@x.com", "198.51.100.3", 50057, T0.plusSeconds(180), null, "SharePoint", null);
        assertThat(of(apps, "DISABLED_ACCOUNT_PROBING")).extracting(a -> a.entity().type()).containsExactly("user+ip");

        RuleRun accounts = new RuleRun();
        for (int i = 0; i < 3; i++) {
            accounts.signIn("gone" + i + "@x.com", "198.51.100.4", 50057, T0.plusSeconds(i * 60L));
        }
        assertThat(of(accounts, "DISABLED_ACCOUNT_PROBING")).extracting(a -> a.entity().type()).containsExactly("ip");
    }

    @Test
    void distributedCrackingAboveThirtyFailuresFromThreeLocations() {
        GeoLocation[] places = {SEATTLE, SYDNEY, TACOMA};
        RuleRun run = new RuleRun();
        for (int i = 0; i < 30; i++) {
            run.signIn("ceo@x.com", "198.51.100." + i, 50126, T0.plus(Duration.ofMinutes(i * 20L)), null, "App",
                    places[i % 3]);
        }
        assertThat(of(run, "DISTRIBUTED_CRACKING")).isEmpty();
        run.signIn("ceo@x.com", "198.51.100.99", 50126, T0.plus(Duration.ofMinutes(620)), null, "App", SEATTLE);
        assertThat(of(run, "DISTRIBUTED_CRACKING")).hasSize(1);
    }

    @Test
    void impossibleTravelBetweenFarSuccessesOnly() {
        RuleRun far = new RuleRun();
        far.signIn("trav@x.com", "198.51.100.1", 0, T0, null, "App", SEATTLE);
        far.signIn("trav@x.com", "203.0.113.1", 0, T0.plus(Duration.ofHours(2)), null, "App", SYDNEY);
        assertThat(of(far, "IMPOSSIBLE_TRAVEL")).singleElement()
                .satisfies(a -> assertThat(a.summary()).contains("Seattle").contains("Sydney"));

        RuleRun near = new RuleRun();
        near.signIn("trav@x.com", "198.51.100.1", 0, T0, null, "App", SEATTLE);
        near.signIn("trav@x.com", "198.51.100.2", 0, T0.plus(Duration.ofMinutes(10)), null, "App", TACOMA);
        assertThat(near.alerts()).isEmpty();

        RuleRun slow = new RuleRun();
        slow.signIn("trav@x.com", "198.51.100.1", 0, T0, null, "App", SEATTLE);
        slow.signIn("trav@x.com", "203.0.113.1", 0, T0.plus(Duration.ofHours(20)), null, "App", SYDNEY);
        assertThat(slow.alerts()).as("12,500 km in 20 h is a flight").isEmpty();
    }
}
