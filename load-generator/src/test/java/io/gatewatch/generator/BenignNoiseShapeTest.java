package io.gatewatch.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The benign noise is there, in the shape and at the rates docs/commands.md#generate states, so a
 * zero-false-positive evaluation means the rules tolerate it rather than never meeting it.
 */
class BenignNoiseShapeTest {

    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    private static final int EVENTS = 200_000;

    private static List<SignInSpec> twoDays(boolean noise) {
        BenignTraffic traffic = new BenignTraffic(SyntheticDirectory.generate(3, 20, 2_000), 3, noise);
        List<SignInSpec> all = new ArrayList<>(EVENTS);
        long step = Duration.ofDays(2).toMillis() / EVENTS;
        for (int i = 0; i < EVENTS; i++) {
            all.add(traffic.next(START.plusMillis(i * step)));
        }
        return all;
    }

    @Test
    void everyKindOfNoiseAppearsAndTimeNeverGoesBackwards() {
        List<SignInSpec> events = twoDays(true);

        Map<String, Set<String>> usersByProxyAddress = new HashMap<>();
        Map<String, List<SignInSpec>> byUser = new HashMap<>();
        long unanswered = 0;
        for (int i = 0; i < events.size(); i++) {
            SignInSpec e = events.get(i);
            if (i > 0) {
                assertThat(e.time()).isAfterOrEqualTo(events.get(i - 1).time());
            }
            if (e.ipAddress().startsWith("100.64.0.")) {
                usersByProxyAddress.computeIfAbsent(e.ipAddress(), k -> new HashSet<>()).add(e.user().userId());
            }
            unanswered += e.errorCode() == 500121 && BenignEpisodes.NO_RESPONSE.equals(e.additionalDetails()) ? 1 : 0;
            byUser.computeIfAbsent(e.user().userPrincipalName(), k -> new ArrayList<>()).add(e);
        }

        assertThat(usersByProxyAddress.values()).as("a proxy address shared by hundreds of users")
                .anySatisfy(users -> assertThat(users).hasSizeGreaterThanOrEqualTo(200));
        // 3 % of the 2 % of sign-ins that prompt, each episode 1-3 prompts: about 0.08 % of 200,000
        assertThat(unanswered).isBetween(80L, 300L);
        List<SignInSpec> scanner = byUser.get("svc-scanner@tenant1.example.com");
        assertThat(scanner).as("a stale service account fails every 5 minutes for two days")
                .hasSizeBetween(500, 600).allSatisfy(e -> assertThat(e.errorCode()).isEqualTo(50126));
        assertThat(byUser.values()).as("travellers: a user seen in two cities 5,000 km apart, never faster than 800 km/h")
                .filteredOn(BenignNoiseShapeTest::crossedContinents).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(list -> assertThat(fastestKmh(list)).isLessThan(800));
        assertThat(events.stream().filter(e -> e.errorCode() == 50133).map(e -> e.user().userId()).distinct().count())
                .as("a password-reset wave: at least 10 users whose old sessions die").isGreaterThanOrEqualTo(10);
        assertThat(typoThenSuccess(byUser)).as("wrong password, then the right one within a minute")
                .isGreaterThan(EVENTS / 200);
    }

    /** Each lookalike of the newer rules' attacks is there, in its shape, at its rate (BenignLookalikes, KnownClients). */
    @Test
    void theLookalikesOfTheNewerRulesAppearAtTheirRates() {
        SyntheticDirectory directory = SyntheticDirectory.generate(3, 20, 2_000);
        List<SignInSpec> events = twoDays(true);
        Map<String, String> exceptions = BenignTraffic.knownClientExceptions(directory);

        Map<String, List<SignInSpec>> bySession = new HashMap<>();
        events.stream().filter(e -> e.errorCode() == 0).forEach(e ->
                bySession.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(e));
        assertThat(bySession.values()).as("no session is used from two countries (SESSION_REPLAY's shape)")
                .allSatisfy(s -> assertThat(s.stream().map(e -> e.location().countryOrRegion()).distinct()).hasSize(1));
        // 0.3 % of the sign-ins of the half of users outside the proxy: about 300
        assertThat(bySession.values().stream().filter(s -> s.stream().map(e -> network(e.ipAddress())).distinct().count() > 1))
                .as("roaming phones: one session on home Wi-Fi and on the carrier, successes on both").hasSizeBetween(200, 450)
                .allSatisfy(s -> assertThat(s).extracting(SignInSpec::appDisplayName).containsOnly("Outlook Mobile"));

        List<SignInSpec> deviceCodes = events.stream().filter(e -> "deviceCode".equals(e.client().authenticationProtocol())).toList();
        assertThat(deviceCodes).as("rooms admins of the 3 largest tenants, 1-3 devices on each of two working days")
                .hasSizeBetween(6, 18).allSatisfy(e -> {
                    assertThat(e.appDisplayName()).isEqualTo("Microsoft Teams");
                    assertThat(exceptions.get("rule.DEVICE_CODE_FIRST_USE.except-users")).contains(e.user().userPrincipalName());
                });
        assertThat(deviceCodes.stream().map(e -> e.user().userId()).distinct()).hasSize(3);
        assertThat(events).filteredOn(e -> "deviceCodeFlow".equals(e.client().originalTransferMethod()))
                .as("each device's refreshes in its own session, from the address it was enrolled at")
                .hasSize(2 * deviceCodes.size()).allSatisfy(e -> assertThat(deviceCodes).anySatisfy(d -> {
                    assertThat(d.sessionId()).isEqualTo(e.sessionId());
                    assertThat(d.ipAddress()).isEqualTo(e.ipAddress());
                }));

        List<SignInSpec> tools = events.stream().filter(e -> "Microsoft Graph".equals(e.client().resourceDisplayName())
                && List.of(KnownClients.VS_CODE, KnownClients.AZURE_CLI).contains(e.client().appId())).toList();
        assertThat(tools.stream().map(e -> e.user().userPrincipalName()).distinct().toList())
                .as("developers, 1 user in 200, each listed").hasSizeBetween(5, 20)
                .allSatisfy(u -> assertThat(exceptions.get("rule.FIRST_PARTY_CLIENT_TO_GRAPH.except-users")).contains(u));
        assertThat(tools).filteredOn(SignInSpec::interactive).as("one interactive sign-in a developer a working day")
                .hasSizeBetween((int) tools.stream().map(e -> e.user().userId()).distinct().count(), 40);

        // 5 printers, a mail every 10-40 min of 10 office hours: about 24 a working day each, on two days
        assertThat(events).filteredOn(e -> "Authenticated SMTP".equals(e.client().clientAppUsed()))
                .as("printers mailing scans, each listed").hasSizeBetween(160, 330).allSatisfy(e -> assertThat(
                        exceptions.get("rule.LEGACY_AUTH_SUCCESS.except-users")).contains(e.user().userPrincipalName()));

        assertThat(events).filteredOn(e -> e.client().riskState() != null)
                .as("0.1 % at medium or high risk, remediated or dismissed").hasSizeBetween(120, 300).allSatisfy(e -> {
                    assertThat(e.client().riskLevelAggregated()).isIn("medium", "high");
                    assertThat(e.client().riskState()).isIn("remediated", "dismissed");
                    assertThat(e.errorCode()).isZero();
                });

        Map<String, List<SignInSpec>> byUser = new HashMap<>();
        events.forEach(e -> byUser.computeIfAbsent(e.user().userId(), k -> new ArrayList<>()).add(e));
        assertThat(byUser.values()).as("travellers asked for MFA at their first sign-in abroad, then approving it")
                .filteredOn(list -> firstAbroad(list) != null && firstAbroad(list).errorCode() == 50074)
                .hasSizeGreaterThanOrEqualTo(2).allSatisfy(list -> assertThat(fastestKmh(list)).isLessThan(800));
    }

    @Test
    void withoutNoiseEveryUserSignsInFromTheirOwnAddress() {
        assertThat(twoDays(false)).allSatisfy(e -> {
            assertThat(e.ipAddress()).isEqualTo(e.user().usualIp());
            assertThat(e.location()).isEqualTo(e.user().home());
        });
    }

    /** The first sign-in 5,000 km or more from the user's first, or null. */
    private static SignInSpec firstAbroad(List<SignInSpec> signIns) {
        return signIns.stream().filter(e -> e.location().kmTo(signIns.get(0).location()) >= 5_000).findFirst().orElse(null);
    }

    /** The /16 (the Graph builder's autonomous system). */
    private static String network(String ip) {
        return ip.substring(0, ip.indexOf('.', ip.indexOf('.') + 1));
    }

    private static boolean crossedContinents(List<SignInSpec> signIns) {
        return signIns.stream().anyMatch(e -> e.location().kmTo(signIns.get(0).location()) >= 5_000);
    }

    private static double fastestKmh(List<SignInSpec> signIns) {
        double fastest = 0;
        for (int i = 1; i < signIns.size(); i++) {
            double km = signIns.get(i).location().kmTo(signIns.get(i - 1).location());
            double hours = Duration.between(signIns.get(i - 1).time(), signIns.get(i).time()).toMillis() / 3.6e6;
            fastest = km == 0 ? fastest : Math.max(fastest, hours == 0 ? Double.MAX_VALUE : km / hours);
        }
        return fastest;
    }

    private static long typoThenSuccess(Map<String, List<SignInSpec>> byUser) {
        long count = 0;
        for (List<SignInSpec> signIns : byUser.values()) {
            for (int i = 1; i < signIns.size(); i++) {
                SignInSpec before = signIns.get(i - 1);
                SignInSpec after = signIns.get(i);
                count += before.errorCode() == 50126 && after.errorCode() == 0
                        && Duration.between(before.time(), after.time()).toSeconds() <= 60 ? 1 : 0;
            }
        }
        return count;
    }
}
