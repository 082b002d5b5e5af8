package io.gatewatch.generator.scenario;

import static io.gatewatch.generator.scenario.ScenarioBuilder.city;
import static io.gatewatch.generator.scenario.ScenarioEntities.user;

import io.gatewatch.generator.SignInSpec;
import io.gatewatch.generator.SyntheticUser;
import io.gatewatch.schema.AlertEntity;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A known password or secret used where its owner is not, each with its benign lookalike: a
 * wrong password from abroad minutes after the user signed in (a typo on the user's own network
 * stays quiet); the right password stopped by MFA in a country the user could not reach (a
 * traveller who flew there stays quiet); TOTP codes guessed across many sessions (19 stay
 * quiet); a consent request declined (a consent still required is no refusal); an app's secret
 * guessed ten times (nine stay quiet), and an app's secret used from another network (the app's
 * own second address in its network stays quiet).
 */
final class CredentialUseScenarios {

    private static final String EXCHANGE = "Office 365 Exchange Online";
    private static final SignInSpec.Client TOTP = SignInSpec.Client.BROWSER.withMfaMethod("OATH verification code");
    private static final Duration DAY_AND_HOUR = Duration.ofHours(25);

    private CredentialUseScenarios() {
    }

    static List<ScenarioType> all() {
        return List.of(
                ScenarioType.of("success-then-failure", "the user signs in at home; 3 min later a wrong password from abroad",
                        Duration.ofMinutes(10), b -> successThenFailure(b, true)),
                ScenarioType.of("success-then-failure-near-miss",
                        "a typo on the user's own network after signing in, and a wrong password from abroad 15 min later",
                        Duration.ofMinutes(20), b -> successThenFailure(b, false)),
                ScenarioType.of("new-country-valid-password",
                        "the right password from Tokyo, stopped by MFA, 10 min after the user signed in at home",
                        DAY_AND_HOUR.plusMinutes(15), b -> newCountry(b, true)),
                ScenarioType.of("new-country-valid-password-near-miss",
                        "a traveller asked for MFA in Tokyo 14 h after signing in at home",
                        DAY_AND_HOUR.plusHours(15), b -> newCountry(b, false)),
                ScenarioType.of("totp-brute-force", "20 wrong verification codes across 10 sessions in 8 min",
                        Duration.ofMinutes(10), b -> totp(b, 20)),
                ScenarioType.of("totp-brute-force-near-miss", "19 wrong verification codes across 10 sessions in 8 min",
                        Duration.ofMinutes(10), b -> totp(b, 19)),
                ScenarioType.of("consent-denied", "a user declines a consent-phishing app's request (65004)",
                        Duration.ofMinutes(5), b -> consent(b, true)),
                ScenarioType.of("consent-denied-near-miss", "an app whose consent is still required (65001)",
                        Duration.ofMinutes(5), b -> consent(b, false)),
                ScenarioType.of("service-principal-credential-failures", "10 wrong client secrets of one app in 9 min",
                        Duration.ofMinutes(10), b -> secretGuessing(b, 10)),
                ScenarioType.of("service-principal-credential-failures-near-miss",
                        "9 wrong client secrets of one app in 9 min", Duration.ofMinutes(10), b -> secretGuessing(b, 9)),
                ScenarioType.of("service-principal-new-network",
                        "an app's stolen secret used from the attacker's network a day after the app's own sign-ins",
                        DAY_AND_HOUR.plusMinutes(5), b -> appNetwork(b, true)),
                ScenarioType.of("service-principal-new-network-near-miss",
                        "an app signing in from a second address of its own network a day later",
                        DAY_AND_HOUR.plusMinutes(5), b -> appNetwork(b, false)));
    }

    private static void successThenFailure(ScenarioBuilder b, boolean attack) {
        SyntheticUser user = b.user(1);
        b.signIn(b.atSeconds(0), user, 0, null, null, user.usualIp(), user.home(), EXCHANGE);
        if (attack) {
            b.signIn(b.atSeconds(180), user, 50126, null, null, b.attackerIp(1), city("Sao Paulo"), EXCHANGE);
            b.expect("SUCCESS_THEN_FAILURE_OTHER_NETWORK", user(user));
        } else {
            b.signIn(b.atSeconds(180), user, 50126, null, null, user.usualIp(), user.home(), EXCHANGE);
            b.signIn(b.atSeconds(900), user, 50126, null, null, b.attackerIp(1), city("Sao Paulo"), EXCHANGE);
            b.nearMiss("SUCCESS_THEN_FAILURE_OTHER_NETWORK", user(user));
        }
    }

    private static void newCountry(ScenarioBuilder b, boolean attack) {
        SyntheticUser user = b.user(1, city("Frankfurt"));
        b.signIn(b.atSeconds(0), user, 0, null, null, user.usualIp(), user.home(), EXCHANGE);
        long home = DAY_AND_HOUR.toSeconds();
        b.signIn(b.atSeconds(home), user, 0, null, null, user.usualIp(), user.home(), EXCHANGE);
        long abroad = home + (attack ? 600 : 14 * 3600);
        String ip = attack ? b.attackerIp(1) : "203.0.113." + (b.index() % 250 + 1);
        b.signIn(b.atSeconds(abroad), user, 50074, null, null, ip, city("Tokyo"), EXCHANGE);
        if (attack) {
            b.expect("NEW_COUNTRY_VALID_PASSWORD", user(user));
        } else {
            b.signIn(b.atSeconds(abroad + 60), user, 0, null, null, ip, city("Tokyo"), EXCHANGE);
            b.nearMiss("NEW_COUNTRY_VALID_PASSWORD", user(user));
        }
    }

    private static void totp(ScenarioBuilder b, int guesses) {
        SyntheticUser user = b.user(1);
        for (int i = 0; i < guesses; i++) {
            String session = UUID.nameUUIDFromBytes(("totp|" + b.index() + "|" + i % 10).getBytes()).toString();
            b.signInWith(b.atSeconds(i * 24L), user, 500121, null, b.attackerIp(1), city("Frankfurt"), "My Apps",
                    TOTP.inSession(session));
        }
        if (guesses >= 20) {
            b.expect("TOTP_BRUTE_FORCE", user(user));
        } else {
            b.nearMiss("TOTP_BRUTE_FORCE", user(user));
        }
    }

    private static void consent(ScenarioBuilder b, boolean denied) {
        SyntheticUser user = b.user(1);
        b.signIn(b.atSeconds(0), user, denied ? 65004 : 65001, null, null, user.usualIp(), user.home(), "Mail Summary Pro");
        if (denied) {
            b.expect("CONSENT_DENIED", user(user));
        } else {
            b.nearMiss("CONSENT_DENIED", user(user));
        }
    }

    private static void secretGuessing(ScenarioBuilder b, int failures) {
        SyntheticUser app = app(b);
        for (int i = 0; i < failures; i++) {
            b.signInWith(b.atSeconds(i * 55L), app, 7000215, null, b.attackerIp(1), city("Frankfurt"), "Invoice Sync",
                    SignInSpec.Client.servicePrincipal("Invoice Sync"));
        }
        if (failures >= 10) {
            b.expect("SERVICE_PRINCIPAL_CREDENTIAL_FAILURES", servicePrincipal(app));
        } else {
            b.nearMiss("SERVICE_PRINCIPAL_CREDENTIAL_FAILURES", servicePrincipal(app));
        }
    }

    private static void appNetwork(ScenarioBuilder b, boolean attack) {
        SyntheticUser app = app(b);
        SignInSpec.Client client = SignInSpec.Client.servicePrincipal("Invoice Sync");
        b.signInWith(b.atSeconds(0), app, 0, null, app.usualIp(), app.home(), "Invoice Sync", client);
        b.signInWith(b.atSeconds(3600), app, 0, null, app.usualIp(), app.home(), "Invoice Sync", client);
        String later = attack ? b.attackerIp(1) : "20.50." + (b.index() % 250) + ".77";
        b.signInWith(b.atSeconds(DAY_AND_HOUR.toSeconds()), app, 0, null, later, attack ? city("Sao Paulo") : app.home(),
                "Invoice Sync", client);
        if (attack) {
            b.expect("SERVICE_PRINCIPAL_NEW_NETWORK", servicePrincipal(app));
        } else {
            b.nearMiss("SERVICE_PRINCIPAL_NEW_NETWORK", servicePrincipal(app));
        }
    }

    /** The scenario's app: a service principal in the scenario's tenant, at an address of a cloud network. */
    private static SyntheticUser app(ScenarioBuilder b) {
        SyntheticUser owner = b.user(1);
        return new SyntheticUser(owner.tenantId(), null, new UUID(b.index() + 0xa99L, 1).toString(), "Invoice Sync",
                owner.home(), "20.50." + (b.index() % 250) + ".10");
    }

    private static AlertEntity servicePrincipal(SyntheticUser app) {
        return new AlertEntity("servicePrincipal", app.userId());
    }
}
