package io.gatewatch.rules.windowed;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The count rules of issue 24 at their edges: threshold - 1, threshold, out of the window, the benign lookalike. */
class ModernCountRulesTest {

    private static final Instant T0 = Instant.parse("2025-11-14T10:00:00Z");
    private final SignInFeed feed = new SignInFeed(RuleSettings.DEFAULTS);
    private final List<Alert> alerts = feed.alerts;

    private void signIn(String user, String ip, int code, Instant time, Map<String, Object> fields) {
        feed.signIn(user, ip, code, time, fields);
    }

    private List<String> rules() {
        return alerts.stream().map(Alert::rule).toList();
    }

    private static Map<String, Object> risk(String during, String aggregated, String state) {
        return Map.of("riskLevelDuringSignIn", during, "riskLevelAggregated", aggregated, "riskState", state);
    }

    @Test
    void threeRiskySignInsWithinFifteenMinutesFireTwoDoNot() {
        signIn("ann@contoso.com", "198.51.100.1", 0, T0, risk("medium", "none", "atRisk"));
        signIn("ann@contoso.com", "198.51.100.2", 0, T0.plusSeconds(300), risk("none", "high", "confirmedCompromised"));
        assertThat(rules()).doesNotContain("REPEATED_RISK");
        signIn("ann@contoso.com", "198.51.100.3", 0, T0.plusSeconds(840), risk("high", "medium", "atRisk"));
        assertThat(alerts).filteredOn(a -> a.rule().equals("REPEATED_RISK")).singleElement()
                .satisfies(a -> assertThat(a.entity().value()).isEqualTo("ann@contoso.com"));
    }

    @Test
    void threeSpreadOverMoreThanTheWindowOrAtLowRiskOrRemediatedStayQuiet() {
        signIn("bob@contoso.com", "198.51.100.1", 0, T0, risk("medium", "none", "atRisk"));
        signIn("bob@contoso.com", "198.51.100.1", 0, T0.plusSeconds(480), risk("medium", "none", "atRisk"));
        signIn("bob@contoso.com", "198.51.100.1", 0, T0.plusSeconds(960), risk("medium", "none", "atRisk"));
        for (int i = 0; i < 3; i++) {
            signIn("cy@contoso.com", "198.51.100.2", 0, T0.plusSeconds(60L * i), risk("low", "low", "atRisk"));
            signIn("di@contoso.com", "198.51.100.3", 0, T0.plusSeconds(60L * i), risk("high", "high", "remediated"));
            signIn("ed@contoso.com", "198.51.100.4", 0, T0.plusSeconds(60L * i), risk("high", "high", "dismissed"));
            signIn("fi@contoso.com", "198.51.100.5", 53004, T0.plusSeconds(60L * i), risk("high", "high", "atRisk"));
        }
        assertThat(rules()).doesNotContain("REPEATED_RISK");
    }

    @Test
    void distributedCrackingCounts50056() {
        String[] places = {"198.51.100.1", "198.51.100.2", "198.51.100.3"};
        String[] countries = {"US", "DE", "JP"};
        for (int i = 0; i < 32; i++) {
            signIn("gus@contoso.com", places[i % 3], 50056, T0.plusSeconds(60L * i),
                    Map.of("location", Map.of("city", "C" + i % 3, "countryOrRegion", countries[i % 3])));
        }
        assertThat(rules()).contains("DISTRIBUTED_CRACKING");
    }

    private static final Map<String, Object> DEVICE_CODE = Map.of("authenticationProtocol", "deviceCode",
            "originalTransferMethod", "deviceCodeFlow");

    private long count(String rule) {
        return alerts.stream().filter(a -> a.rule().equals(rule)).count();
    }

    @Test
    void aUsersFirstDeviceCodeSuccessAlertsOnceAndAnAdminEnrollingDailyStaysQuietAfter() {
        for (int day = 0; day < 20; day++) {
            signIn("admin@contoso.com", "198.51.100.1", 0, T0.plus(Duration.ofDays(day)), DEVICE_CODE);
        }
        assertThat(alerts).filteredOn(a -> a.rule().equals("DEVICE_CODE_FIRST_USE")).singleElement().satisfies(a -> {
            assertThat(a.entity().value()).isEqualTo("admin@contoso.com");
            assertThat(a.lastSeen()).isEqualTo(T0);
            assertThat(a.summary()).isEqualTo("admin@contoso.com signed in by device code, the first time in 14 days: "
                    + "check the user started it (device-code phishing).");
        });
    }

    @Test
    void deviceCodeAgainAfterTheFourteenDayLookBackAlertsAgainWithinItNot() {
        signIn("hal@contoso.com", "198.51.100.1", 0, T0, DEVICE_CODE);
        signIn("hal@contoso.com", "198.51.100.1", 0, T0.plus(Duration.ofDays(13)), DEVICE_CODE);
        assertThat(count("DEVICE_CODE_FIRST_USE")).isEqualTo(1);
        signIn("hal@contoso.com", "198.51.100.1", 0, T0.plus(Duration.ofDays(27)).plusSeconds(3600), DEVICE_CODE);
        assertThat(count("DEVICE_CODE_FIRST_USE")).isEqualTo(2);
    }

    @Test
    void aPendingOrFailedDeviceCodeABrowserSignInOrATokenRefreshOfTheFlowStayQuiet() {
        signIn("ivy@contoso.com", "198.51.100.1", 70016, T0, DEVICE_CODE);
        signIn("ivy@contoso.com", "198.51.100.1", 50126, T0.plusSeconds(60), DEVICE_CODE);
        signIn("ivy@contoso.com", "198.51.100.1", 0, T0.plusSeconds(120), Map.of("authenticationProtocol", "none",
                "originalTransferMethod", "deviceCodeFlow"));
        signIn("ivy@contoso.com", "198.51.100.1", 0, T0.plusSeconds(180), Map.of());
        assertThat(rules()).doesNotContain("DEVICE_CODE_FIRST_USE");
    }

    private static final String VS_CODE = "aebc6443-996d-45c2-90f0-388ff96faa56";
    private static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    private static Map<String, Object> toGraph(String appId) {
        return Map.of("appId", appId, "resourceDisplayName", "Microsoft Graph",
                "resourceId", "00000003-0000-0000-c000-000000000000");
    }

    @Test
    void aDeveloperUsingVsCodeDailyAlertsOnceAndAgainOnlyForAnotherClient() {
        for (int day = 0; day < 20; day++) {
            signIn("dev@contoso.com", "198.51.100.1", 0, T0.plus(Duration.ofDays(day)), toGraph(VS_CODE));
        }
        assertThat(count("FIRST_PARTY_CLIENT_TO_GRAPH")).isEqualTo(1);
        signIn("dev@contoso.com", "198.51.100.1", 0, T0.plus(Duration.ofDays(20)).plusSeconds(7200), toGraph(AZURE_CLI));
        assertThat(alerts).filteredOn(a -> a.rule().equals("FIRST_PARTY_CLIENT_TO_GRAPH")).hasSize(2)
                .allSatisfy(a -> assertThat(a.entity().value()).isEqualTo("dev@contoso.com"))
                .last().satisfies(a -> assertThat(a.summary()).isEqualTo("dev@contoso.com signed in to Microsoft Graph "
                        + "with the first-party client " + AZURE_CLI + " (VS Code, Azure CLI or Azure PowerShell), "
                        + "the first time in 14 days: check for OAuth phishing."));
    }

    @Test
    void firstPartyClientToGraphAfterTheLookBackAlertsAgainWithinItNot() {
        signIn("joe@contoso.com", "198.51.100.1", 0, T0, toGraph("1950a258-227b-4e31-a9cf-717495945fc2"));
        signIn("joe@contoso.com", "198.51.100.1", 0, T0.plus(Duration.ofDays(13)), toGraph("1950a258-227b-4e31-a9cf-717495945fc2"));
        assertThat(count("FIRST_PARTY_CLIENT_TO_GRAPH")).isEqualTo(1);
        signIn("joe@contoso.com", "198.51.100.1", 0, T0.plus(Duration.ofDays(27)).plusSeconds(3600),
                toGraph("1950a258-227b-4e31-a9cf-717495945fc2"));
        assertThat(count("FIRST_PARTY_CLIENT_TO_GRAPH")).isEqualTo(2);
    }

    @Test
    void anotherResourceAnotherAppOrAFailureStaysQuietTheLegacyAadGraphAlerts() {
        signIn("kim@contoso.com", "198.51.100.1", 0, T0, Map.of("appId", AZURE_CLI,
                "resourceDisplayName", "Windows Azure Service Management API", "resourceId", "797f4846-ba00-4fd7-ba43-dac1f8f63013"));
        signIn("kim@contoso.com", "198.51.100.1", 0, T0.plusSeconds(60), toGraph("d3590ed6-52b3-4102-aeff-aad2292ab01c"));
        signIn("kim@contoso.com", "198.51.100.1", 50126, T0.plusSeconds(120), toGraph(VS_CODE));
        assertThat(rules()).doesNotContain("FIRST_PARTY_CLIENT_TO_GRAPH");
        signIn("kim@contoso.com", "198.51.100.1", 0, T0.plusSeconds(180), Map.of("appId", AZURE_CLI,
                "resourceDisplayName", "Windows Azure Active Directory", "resourceId", "00000002-0000-0000-c000-000000000000"));
        assertThat(rules()).containsOnlyOnce("FIRST_PARTY_CLIENT_TO_GRAPH");
    }

    private static Map<String, Object> nonInteractive() {
        return Map.of("isInteractive", false, "tenantId", "contoso-tenant");
    }

    @Test
    void sixUsersFailingSeamlessSsoWithinAnHourFireFiveDoNot() {
        for (int i = 0; i < 5; i++) {
            signIn("u" + i + "@contoso.com", "203.0.113." + i, 81016, T0.plusSeconds(600L * i), nonInteractive());
        }
        assertThat(rules()).doesNotContain("SEAMLESS_SSO_SPRAY");
        signIn("u5@contoso.com", "203.0.113.5", 81010, T0.plusSeconds(3540), nonInteractive());
        assertThat(alerts).filteredOn(a -> a.rule().equals("SEAMLESS_SSO_SPRAY")).singleElement()
                .satisfies(a -> assertThat(a.entity().value()).isEqualTo("contoso-tenant"));
    }

    @Test
    void seamlessSsoFailuresSpreadOverMoreThanAnHourOneUsersKerberosTroubleOrInteractiveStayQuiet() {
        for (int i = 0; i < 6; i++) {
            signIn("v" + i + "@contoso.com", "203.0.113.9", 81016, T0.plusSeconds(780L * i), nonInteractive());
        }
        for (int i = 0; i < 20; i++) {
            signIn("kerb@contoso.com", "10.0.0.5", 81010, T0.plus(Duration.ofHours(3)).plusSeconds(60L * i), nonInteractive());
        }
        for (int i = 0; i < 6; i++) {
            signIn("w" + i + "@contoso.com", "10.0.0.6", 81012, T0.plus(Duration.ofHours(5)).plusSeconds(60L * i),
                    Map.of("isInteractive", true, "tenantId", "contoso-tenant"));
        }
        assertThat(rules()).doesNotContain("SEAMLESS_SSO_SPRAY");
    }

    @Test
    void aTwoWeekNewTermsWindowOutlivesTheFortyEightHourPurgeOtherWindowsDoNot() {
        signIn("liz@contoso.com", "198.51.100.1", 0, T0, DEVICE_CODE);
        signIn("max@contoso.com", "198.51.100.2", 50126, T0, Map.of());
        long threeDays = T0.plus(Duration.ofDays(3)).toEpochMilli();
        assertThat(feed.expired("t1|user|liz@contoso.com", threeDays)).isFalse();
        assertThat(feed.expired("t1|user|max@contoso.com", threeDays)).isTrue();
        assertThat(feed.expired("t1|user|liz@contoso.com", T0.plus(Duration.ofDays(15)).toEpochMilli()))
                .isTrue();
    }
}
