package io.gatewatch.generator.scenario;

import static io.gatewatch.generator.scenario.ScenarioBuilder.city;
import static io.gatewatch.generator.scenario.ScenarioEntities.user;

import io.gatewatch.generator.SignInSpec;
import io.gatewatch.generator.SyntheticUser;
import java.time.Duration;
import java.util.List;

/**
 * The attacks of issue 24 that never fail a password: a legacy protocol or ROPC getting in with a
 * password alone, and Identity Protection holding one user at risk again and again; each with a
 * near miss (a modern client, ROPC with MFA, a failed IMAP attempt; two risky sign-ins, a remediated one);
 * a phished user's first device-code sign-in, and a device-code attempt that failed; Azure CLI to
 * Microsoft Graph from the attacker, and Azure CLI to Resource Manager, Office to Graph; six users
 * failing Seamless SSO within half an hour, and five.
 */
final class ModernScenarios {

    private static final String EXCHANGE = "Office 365 Exchange Online";
    private static final SignInSpec.Client IMAP = new SignInSpec.Client("IMAP4", null, null, null, null, null);
    private static final SignInSpec.Client ROPC = new SignInSpec.Client("Mobile Apps and Desktop clients", "ropc",
            null, "singleFactorAuthentication", null, null);
    private static final SignInSpec.Client ROPC_MFA = new SignInSpec.Client("Mobile Apps and Desktop clients", "ropc",
            null, "multiFactorAuthentication", null, null);
    private static final SignInSpec.Client BAV2ROPC = new SignInSpec.Client("Other clients", null, "BAV2ROPC",
            null, null, null);
    private static final SignInSpec.Client MODERN = new SignInSpec.Client("Mobile Apps and Desktop clients", "oAuth2",
            "Microsoft Office/16.0", "multiFactorAuthentication", null, null);
    private static final SignInSpec.Client DEVICE_CODE = new SignInSpec.Client("Mobile Apps and Desktop clients",
            "deviceCode", null, "multiFactorAuthentication", null, null);

    private static final String GRAPH = "00000003-0000-0000-c000-000000000000";
    private static final SignInSpec.Client AZURE_CLI_TO_GRAPH = new SignInSpec.Client("Mobile Apps and Desktop clients",
            "none", "python-requests/2.32.3", "multiFactorAuthentication", null, null,
            "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "Microsoft Graph", GRAPH);
    private static final SignInSpec.Client AZURE_CLI_TO_ARM = new SignInSpec.Client("Mobile Apps and Desktop clients",
            "none", null, "multiFactorAuthentication", null, null,
            "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "Windows Azure Service Management API",
            "797f4846-ba00-4fd7-ba43-dac1f8f63013");
    private static final SignInSpec.Client OFFICE_TO_GRAPH = new SignInSpec.Client("Mobile Apps and Desktop clients",
            "none", null, "multiFactorAuthentication", null, null,
            "d3590ed6-52b3-4102-aeff-aad2292ab01c", "Microsoft Graph", GRAPH);

    private ModernScenarios() {
    }

    static List<ScenarioType> all() {
        return List.of(
                ScenarioType.of("legacy-auth-success", "a stolen password used over IMAP4, ROPC and BAV2ROPC (three users)",
                        Duration.ofMinutes(10), ModernScenarios::legacy),
                ScenarioType.of("legacy-auth-success-near-miss",
                        "a modern Outlook client, ROPC with MFA, and an IMAP4 attempt with a wrong password",
                        Duration.ofMinutes(10), ModernScenarios::legacyNearMiss),
                ScenarioType.of("repeated-risk", "three sign-ins held at medium risk within 10 min",
                        Duration.ofMinutes(15), b -> risk(b, true)),
                ScenarioType.of("repeated-risk-near-miss", "two sign-ins at risk, and a third whose risk was remediated",
                        Duration.ofMinutes(15), b -> risk(b, false)),
                ScenarioType.of("device-code-first-use",
                        "a phished user completes a device-code sign-in the attacker started (Storm-2372)",
                        Duration.ofMinutes(10), ModernScenarios::deviceCode),
                ScenarioType.of("device-code-first-use-near-miss",
                        "a device-code sign-in that failed (wrong password), then the user's own browser sign-in",
                        Duration.ofMinutes(10), ModernScenarios::deviceCodeNearMiss),
                ScenarioType.of("first-party-client-to-graph",
                        "a phished user's OAuth code for Azure CLI redeemed against Microsoft Graph (ConsentFix)",
                        Duration.ofMinutes(10), ModernScenarios::firstPartyClient),
                ScenarioType.of("first-party-client-to-graph-near-miss",
                        "Azure CLI to Azure Resource Manager, and Microsoft Office to Microsoft Graph",
                        Duration.ofMinutes(10), ModernScenarios::firstPartyClientNearMiss),
                ScenarioType.of("seamless-sso-spray",
                        "six users' passwords tried at the Seamless SSO endpoint (81016, non-interactive) within 30 min",
                        Duration.ofMinutes(30), b -> seamlessSso(b, 6)),
                ScenarioType.of("seamless-sso-spray-near-miss",
                        "five users failing Seamless SSO (81016, non-interactive) within 30 min",
                        Duration.ofMinutes(30), b -> seamlessSso(b, 5)));
    }

    private static void legacy(ScenarioBuilder b) {
        String attacker = b.attackerIp(1);
        SignInSpec.Client[] clients = {IMAP, ROPC, BAV2ROPC};
        for (int i = 0; i < clients.length; i++) {
            SyntheticUser victim = b.user(i + 1);
            b.signInWith(b.atSeconds(i * 120L), victim, 0, null, attacker, city("Frankfurt"), EXCHANGE, clients[i]);
            b.expect("LEGACY_AUTH_SUCCESS", user(victim));
        }
    }

    private static void legacyNearMiss(ScenarioBuilder b) {
        SyntheticUser outlook = b.user(1);
        b.signInWith(b.atSeconds(0), outlook, 0, null, outlook.usualIp(), outlook.home(), EXCHANGE, MODERN);
        SyntheticUser script = b.user(2);
        b.signInWith(b.atSeconds(120), script, 0, null, script.usualIp(), script.home(), EXCHANGE, ROPC_MFA);
        SyntheticUser guessed = b.user(3);
        b.signInWith(b.atSeconds(240), guessed, 50126, null, b.attackerIp(1), city("Frankfurt"), EXCHANGE, IMAP);
        for (SyntheticUser user : List.of(outlook, script, guessed)) {
            b.nearMiss("LEGACY_AUTH_SUCCESS", user(user));
        }
    }

    private static void risk(ScenarioBuilder b, boolean attack) {
        SyntheticUser victim = b.user(1);
        String attacker = b.attackerIp(1);
        SignInSpec.Client atRisk = new SignInSpec.Client(null, null, null, null, "medium", "atRisk");
        SignInSpec.Client remediated = new SignInSpec.Client(null, null, null, null, "medium", "remediated");
        for (int i = 0; i < 3; i++) {
            SignInSpec.Client client = attack || i < 2 ? atRisk : remediated;
            b.signInWith(b.atSeconds(i * 300L), victim, 0, "medium", attacker, city("Frankfurt"), EXCHANGE, client);
        }
        if (attack) {
            b.expect("REPEATED_RISK", user(victim));
        } else {
            b.nearMiss("REPEATED_RISK", user(victim));
        }
    }

    private static void deviceCode(ScenarioBuilder b) {
        SyntheticUser victim = b.user(1);
        b.signInWith(b.atSeconds(0), victim, 0, null, b.attackerIp(1), city("Frankfurt"), "Microsoft Office", DEVICE_CODE);
        b.expect("DEVICE_CODE_FIRST_USE", user(victim));
    }

    private static void deviceCodeNearMiss(ScenarioBuilder b) {
        SyntheticUser user = b.user(1);
        b.signInWith(b.atSeconds(0), user, 50126, null, b.attackerIp(1), city("Frankfurt"), "Microsoft Office",
                DEVICE_CODE);
        b.signInWith(b.atSeconds(120), user, 0, null, user.usualIp(), user.home(), EXCHANGE, SignInSpec.Client.BROWSER);
        b.nearMiss("DEVICE_CODE_FIRST_USE", user(user));
    }

    private static void firstPartyClient(ScenarioBuilder b) {
        SyntheticUser victim = b.user(1);
        b.signInWith(b.atSeconds(0), victim, 0, null, b.attackerIp(1), city("Frankfurt"), "Microsoft Azure CLI",
                AZURE_CLI_TO_GRAPH);
        b.expect("FIRST_PARTY_CLIENT_TO_GRAPH", user(victim));
    }

    private static void firstPartyClientNearMiss(ScenarioBuilder b) {
        SyntheticUser admin = b.user(1);
        b.signInWith(b.atSeconds(0), admin, 0, null, admin.usualIp(), admin.home(), "Microsoft Azure CLI", AZURE_CLI_TO_ARM);
        SyntheticUser office = b.user(2);
        b.signInWith(b.atSeconds(120), office, 0, null, office.usualIp(), office.home(), "Microsoft Office", OFFICE_TO_GRAPH);
        for (SyntheticUser user : List.of(admin, office)) {
            b.nearMiss("FIRST_PARTY_CLIENT_TO_GRAPH", user(user));
        }
    }

    private static void seamlessSso(ScenarioBuilder b, int users) {
        for (int i = 0; i < users; i++) {
            b.signInNonInteractive(b.atSeconds(i * 300L), b.user(i + 1), 81016, b.attackerIp(i % 3 + 1),
                    city("Frankfurt"), "Windows Sign In");
        }
        if (users >= 6) {
            b.expect("SEAMLESS_SSO_SPRAY", b.tenant());
        } else {
            b.nearMiss("SEAMLESS_SSO_SPRAY", b.tenant());
        }
    }
}
