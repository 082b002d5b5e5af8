package io.gatewatch.rules.windowed;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.watchlist.Watchlists;
import io.gatewatch.schema.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The session, network and workload-identity rules of issue 24 at their edges, each beside the
 * benign traffic that looks like it.
 */
class SessionAndNetworkRulesTest {

    private static final Instant T0 = Instant.parse("2025-11-14T10:00:00Z");
    private static final String SESSION = "5d1e0c33-7d5a-4a39-9b43-0c7f3f6a0001";

    private final Watchlists lists = new Watchlists();
    private final SignInFeed feed = new SignInFeed(RuleSettings.DEFAULTS.withWatchlists(lists));

    private static Map<String, Object> in(String session, String country, int asn) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("sessionId", session);
        fields.put("autonomousSystemNumber", asn);
        fields.put("location", Map.of("city", "C-" + country, "countryOrRegion", country));
        return fields;
    }

    @Test
    void aSessionUsedFromASecondCountryWithinTheHourAlertsNamingTheSession() {
        feed.signIn("ann@contoso.com", "203.0.113.5", 0, T0, in(SESSION, "DE", 3320));
        assertThat(feed.of("SESSION_REPLAY")).isEmpty();
        feed.signIn("ann@contoso.com", "198.51.100.7", 0, T0.plusSeconds(600), in(SESSION, "NL", 60781));
        assertThat(feed.of("SESSION_REPLAY")).singleElement().satisfies(alert -> {
            assertThat(alert.entity().type()).isEqualTo("session");
            assertThat(alert.entity().value()).isEqualTo(SESSION);
            assertThat(alert.summary()).startsWith("Session of ann@contoso.com used from DE (203.0.113.5) and NL (198.51.100.7)");
            assertThat(alert.attack().techniques()).contains("T1539");
        });
    }

    @Test
    void aPhoneRoamingToItsCarrierInTheSameCountryOrASecondCountryAfterTheHourStaysQuiet() {
        feed.signIn("bob@contoso.com", "203.0.113.5", 0, T0, in(SESSION, "DE", 3320));
        feed.signIn("bob@contoso.com", "100.72.1.9", 0, T0.plusSeconds(300), in(SESSION, "DE", 6805));
        feed.signIn("bob@contoso.com", "203.0.113.5", 0, T0.plusSeconds(900), in(SESSION, "DE", 3320));
        feed.signIn("bob@contoso.com", "198.51.100.7", 0, T0.plus(Duration.ofMinutes(90)), in(SESSION, "NL", 60781));
        // a failed attempt with the session is no use of it
        feed.signIn("bob@contoso.com", "198.51.100.8", 50126, T0.plus(Duration.ofMinutes(91)), in(SESSION, "FR", 16276));
        assertThat(feed.of("SESSION_REPLAY")).isEmpty();
    }

    private static Map<String, Object> deviceCodeSession(String session, String protocol) {
        return Map.of("sessionId", session, "authenticationProtocol", protocol, "originalTransferMethod", "deviceCodeFlow");
    }

    @Test
    void aDeviceCodeSessionFromTwoAddressesAlertsAndEachRoomDeviceOnItsOwnSessionDoesNot() {
        for (int room = 0; room < 5; room++) {
            String session = "room-session-" + room;
            feed.signIn("admin@contoso.com", "203.0.113.5", 0, T0.plusSeconds(room * 120L), deviceCodeSession(session, "deviceCode"));
            feed.signIn("admin@contoso.com", "203.0.113.5", 0, T0.plusSeconds(room * 120L + 60), deviceCodeSession(session, "none"));
        }
        assertThat(feed.of("DEVICE_CODE_SESSION_SPREAD")).isEmpty();
        feed.signIn("cy@contoso.com", "203.0.113.9", 0, T0, deviceCodeSession(SESSION, "deviceCode"));
        feed.signIn("cy@contoso.com", "198.51.100.7", 0, T0.plusSeconds(240), deviceCodeSession(SESSION, "none"));
        assertThat(feed.of("DEVICE_CODE_SESSION_SPREAD")).singleElement()
                .satisfies(alert -> assertThat(alert.entity().value()).isEqualTo(SESSION));
    }

    @Test
    void aWrongPasswordFromAnotherSlash16MinutesAfterASuccessAlertsFromTheSameSlash16Not() {
        feed.signIn("di@contoso.com", "203.0.113.5", 0, T0, Map.of());
        feed.signIn("di@contoso.com", "203.0.7.5", 50126, T0.plusSeconds(120), Map.of()); // same /16
        assertThat(feed.of("SUCCESS_THEN_FAILURE_OTHER_NETWORK")).isEmpty();
        feed.signIn("di@contoso.com", "198.51.100.7", 50074, T0.plusSeconds(150), Map.of()); // an MFA prompt, no guess
        assertThat(feed.of("SUCCESS_THEN_FAILURE_OTHER_NETWORK")).isEmpty();
        feed.signIn("di@contoso.com", "198.51.100.7", 50126, T0.plusSeconds(180), Map.of());
        assertThat(feed.of("SUCCESS_THEN_FAILURE_OTHER_NETWORK")).singleElement()
                .satisfies(alert -> assertThat(alert.summary()).contains("203.0.113.5").contains("198.51.100.7"));
    }

    @Test
    void aWrongPasswordElevenMinutesAfterOrForAnotherAppStaysQuietIpv6ComparesTwoHextets() {
        feed.signIn("ed@contoso.com", "203.0.113.5", 0, T0, Map.of());
        feed.signIn("ed@contoso.com", "198.51.100.7", 50126, T0.plusSeconds(660), Map.of());
        feed.signIn("ed@contoso.com", "203.0.113.5", 0, T0.plusSeconds(700), Map.of("appDisplayName", "Microsoft Teams"));
        feed.signIn("ed@contoso.com", "198.51.100.7", 50126, T0.plusSeconds(760), Map.of());
        feed.signIn("fi@contoso.com", "2001:db8:1::5", 0, T0, Map.of());
        feed.signIn("fi@contoso.com", "2001:DB8:ffff::9", 50126, T0.plusSeconds(60), Map.of());
        assertThat(feed.of("SUCCESS_THEN_FAILURE_OTHER_NETWORK")).isEmpty();
        feed.signIn("fi@contoso.com", "2001:db9::9", 50126, T0.plusSeconds(90), Map.of());
        assertThat(feed.of("SUCCESS_THEN_FAILURE_OTHER_NETWORK")).hasSize(1);
    }

    @Test
    void theLaptopMistypingAtHomeJustAfterThePhoneRefreshedOnItsCarrierStaysQuiet() {
        Map<String, Object> teams = Map.of("appDisplayName", "Microsoft Teams");
        feed.signIn("jan@contoso.com", "203.0.113.5", 0, T0, teams); // the laptop at home, this morning
        feed.signIn("jan@contoso.com", "100.72.1.9", 0, T0.plus(Duration.ofHours(3)), teams); // the phone on its carrier
        feed.signIn("jan@contoso.com", "203.0.113.5", 50126, T0.plus(Duration.ofHours(3)).plusSeconds(240), teams);
        assertThat(feed.of("SUCCESS_THEN_FAILURE_OTHER_NETWORK")).as("home is the user's own network").isEmpty();
        feed.signIn("jan@contoso.com", "198.51.100.7", 50126, T0.plus(Duration.ofHours(3)).plusSeconds(300), teams);
        assertThat(feed.of("SUCCESS_THEN_FAILURE_OTHER_NETWORK")).as("a network the user never succeeded from").hasSize(1);
    }

    private static Map<String, Object> at(String city, String country, double lat, double lon) {
        return Map.of("location", Map.of("city", city, "countryOrRegion", country,
                "geoCoordinates", Map.of("latitude", lat, "longitude", lon)));
    }

    private static final Map<String, Object> FRANKFURT = at("Frankfurt", "DE", 50.11, 8.68);
    private static final Map<String, Object> TOKYO = at("Tokyo", "JP", 35.68, 139.69);

    @Test
    void theRightPasswordFromAnUnreachableNewCountryAlertsOnceTheUserIsKnown() {
        feed.signIn("gus@contoso.com", "203.0.113.5", 0, T0, FRANKFURT);
        feed.signIn("gus@contoso.com", "198.51.100.7", 50074, T0.plusSeconds(600), TOKYO);
        assertThat(feed.of("NEW_COUNTRY_VALID_PASSWORD")).as("a user seen for less than a day is learning").isEmpty();
        Instant dayLater = T0.plus(Duration.ofHours(25));
        feed.signIn("gus@contoso.com", "203.0.113.5", 0, dayLater, FRANKFURT);
        feed.signIn("gus@contoso.com", "198.51.100.9", 53003, dayLater.plusSeconds(600), at("Sao Paulo", "BR", -23.55, -46.63));
        assertThat(feed.of("NEW_COUNTRY_VALID_PASSWORD")).singleElement().satisfies(alert -> {
            assertThat(alert.entity().value()).isEqualTo("gus@contoso.com");
            assertThat(alert.summary()).contains("BR").contains("reset the password");
        });
    }

    @Test
    void aTravellerAWrongPasswordOrAKnownCountryStayQuiet() {
        feed.signIn("hal@contoso.com", "203.0.113.5", 0, T0, FRANKFURT);
        feed.signIn("hal@contoso.com", "198.51.100.7", 0, T0.plusSeconds(600), TOKYO);
        Instant dayLater = T0.plus(Duration.ofHours(25));
        feed.signIn("hal@contoso.com", "203.0.113.5", 0, dayLater, FRANKFURT);
        feed.signIn("hal@contoso.com", "198.51.100.7", 50074, dayLater.plusSeconds(600), TOKYO); // Japan is known
        feed.signIn("hal@contoso.com", "198.51.100.9", 50126, dayLater.plusSeconds(700), at("Sao Paulo", "BR", -23.55, -46.63));
        feed.signIn("hal@contoso.com", "198.51.100.2", 50074, dayLater.plus(Duration.ofHours(23)),
                at("Sydney", "AU", -33.87, 151.21)); // 16,500 km in 23 h: a flight
        assertThat(feed.of("NEW_COUNTRY_VALID_PASSWORD")).isEmpty();
    }

    @Test
    void aTokenRefreshedFromAbroadDoesNotMakeTheCountryKnown() {
        feed.signIn("kai@contoso.com", "203.0.113.5", 0, T0, FRANKFURT);
        Instant dayLater = T0.plus(Duration.ofHours(25));
        feed.signIn("kai@contoso.com", "203.0.113.5", 0, dayLater, FRANKFURT);
        Map<String, Object> refreshInTokyo = new HashMap<>(TOKYO);
        refreshInTokyo.put("isInteractive", false);
        feed.signIn("kai@contoso.com", "198.51.100.7", 0, dayLater.plusSeconds(300), refreshInTokyo); // a stolen token
        feed.signIn("kai@contoso.com", "198.51.100.7", 50074, dayLater.plusSeconds(600), TOKYO);
        assertThat(feed.of("NEW_COUNTRY_VALID_PASSWORD")).hasSize(1);
    }

    private static Map<String, Object> totp(String session) {
        return Map.of("sessionId", session, "mfaDetail", Map.of("authMethod", "OATH verification code"));
    }

    @Test
    void twentyWrongCodesAcrossTenSessionsAlertNineteenOrNineSessionsNot() {
        for (int i = 0; i < 20; i++) {
            feed.signIn("ivy@contoso.com", "198.51.100.7", 500121, T0.plusSeconds(i * 25L), totp("s" + i % 9));
        }
        for (int i = 0; i < 19; i++) {
            feed.signIn("jo@contoso.com", "198.51.100.8", 500121, T0.plusSeconds(i * 25L), totp("s" + i % 10));
        }
        assertThat(feed.of("TOTP_BRUTE_FORCE")).isEmpty();
        feed.signIn("jo@contoso.com", "198.51.100.8", 500121, T0.plusSeconds(19 * 25L), totp("s9"));
        assertThat(feed.of("TOTP_BRUTE_FORCE")).singleElement().satisfies(alert ->
                assertThat(alert.summary()).startsWith("20 failed verification codes for jo@contoso.com across 10 sessions"));
    }

    private static Map<String, Object> app(String id, int asn) {
        return Map.of("signInEventTypes", new String[] {"servicePrincipal"}, "servicePrincipalId", id,
                "servicePrincipalName", "Invoice Sync", "autonomousSystemNumber", asn);
    }

    @Test
    void tenWrongSecretsOfOneAppAlertOnTheAppAndNoUserRuleSeesThem() {
        for (int i = 0; i < 10; i++) {
            feed.signIn(null, "198.51.100.7", 7000215, T0.plusSeconds(i * 50L), app("sp-1", 8075));
            if (i == 8) {
                assertThat(feed.alerts).isEmpty();
            }
        }
        assertThat(feed.alerts).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo("SERVICE_PRINCIPAL_CREDENTIAL_FAILURES");
            assertThat(alert.entity().type()).isEqualTo("servicePrincipal");
            assertThat(alert.entity().value()).isEqualTo("sp-1");
        });
    }

    @Test
    void anAppFromANewNetworkADayOnAlertsItsOwnNetworkNotAndUsersNeverReachTheAppRules() {
        feed.signIn(null, "20.50.1.10", 0, T0, app("sp-2", 8075));
        feed.signIn(null, "198.51.100.7", 0, T0.plusSeconds(600), app("sp-2", 60781));
        assertThat(feed.alerts).as("an app seen for less than a day is learning").isEmpty();
        feed.signIn(null, "20.50.9.10", 0, T0.plus(Duration.ofHours(25)), app("sp-2", 8075));
        assertThat(feed.alerts).isEmpty();
        feed.signIn(null, "203.0.113.7", 0, T0.plus(Duration.ofHours(26)), app("sp-2", 14061));
        assertThat(feed.of("SERVICE_PRINCIPAL_NEW_NETWORK")).singleElement()
                .satisfies(alert -> assertThat(alert.summary()).contains("14061"));
        for (int i = 0; i < 12; i++) { // users failing with the same codes belong to no app rule
            feed.signIn("kim@contoso.com", "198.51.100.9", 7000215, T0.plusSeconds(i * 30L), Map.of());
        }
        assertThat(feed.of("SERVICE_PRINCIPAL_CREDENTIAL_FAILURES")).isEmpty();
    }

    @Test
    void aPrivilegedAccountFromANewAutonomousSystemAlertsOthersNot() {
        lists.add("privileged", "root@contoso.com");
        feed.signIn("root@contoso.com", "203.0.113.5", 0, T0, Map.of("autonomousSystemNumber", 3320));
        feed.signIn("root@contoso.com", "203.0.113.5", 0, T0.plus(Duration.ofHours(25)), Map.of("autonomousSystemNumber", 3320));
        feed.signIn("user@contoso.com", "203.0.113.5", 0, T0, Map.of("autonomousSystemNumber", 3320));
        feed.signIn("user@contoso.com", "198.51.100.7", 0, T0.plus(Duration.ofHours(26)), Map.of("autonomousSystemNumber", 14061));
        assertThat(feed.of("PRIVILEGED_NEW_NETWORK")).isEmpty();
        feed.signIn("root@contoso.com", "198.51.100.7", 0, T0.plus(Duration.ofHours(26)), Map.of("autonomousSystemNumber", 14061));
        assertThat(feed.of("PRIVILEGED_NEW_NETWORK")).extracting(Alert::entity).extracting(e -> e.value())
                .containsExactly("root@contoso.com");
    }

    @Test
    void anAccountKeepsAtMostSixtyThreeNetworksTheOldestIsForgottenAndAlertsAgain() {
        lists.add("privileged", "ops@contoso.com");
        feed.signIn("ops@contoso.com", "203.0.113.5", 0, T0, Map.of("autonomousSystemNumber", 1));
        Instant t = T0.plus(Duration.ofHours(25));
        for (int asn = 2; asn <= 64; asn++) { // one a little over an hour apart: each new network alerts past suppression
            t = t.plus(Duration.ofMinutes(61));
            feed.signIn("ops@contoso.com", "203.0.113.5", 0, t, Map.of("autonomousSystemNumber", asn));
        }
        assertThat(feed.of("PRIVILEGED_NEW_NETWORK")).hasSize(63);
        feed.signIn("ops@contoso.com", "203.0.113.5", 0, t.plus(Duration.ofMinutes(61)), Map.of("autonomousSystemNumber", 64));
        assertThat(feed.of("PRIVILEGED_NEW_NETWORK")).as("a network still kept").hasSize(63);
        feed.signIn("ops@contoso.com", "203.0.113.5", 0, t.plus(Duration.ofMinutes(122)), Map.of("autonomousSystemNumber", 1));
        assertThat(feed.of("PRIVILEGED_NEW_NETWORK")).as("the oldest, forgotten at the cap").hasSize(64);
    }
}
