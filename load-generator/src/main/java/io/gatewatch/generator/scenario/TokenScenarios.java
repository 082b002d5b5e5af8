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
 * The attacks on sessions and tokens, each with the benign traffic that looks like it: a session
 * stolen by an adversary-in-the-middle page and replayed from abroad, and a phone carrying its
 * session from home Wi-Fi to its carrier; a phished device code redeemed from a second address,
 * and an administrator enrolling meeting-room devices by device code; the authentication broker
 * signed in by device code to register a device, and a Windows join through the broker.
 */
final class TokenScenarios {

    private static final String EXCHANGE = "Office 365 Exchange Online";
    private static final String BROKER = "29d9ed98-a469-4536-ade2-f981bc1d605e";
    private static final String DRS = "01cb2876-7ebd-4aa4-9cc9-d28bd4d359a9";
    private static final SignInSpec.Client DEVICE_CODE = new SignInSpec.Client("Mobile Apps and Desktop clients",
            "deviceCode", null, "multiFactorAuthentication", null, null);
    private static final SignInSpec.Client DEVICE_CODE_REFRESH = new SignInSpec.Client("Mobile Apps and Desktop clients",
            "none", "python-requests/2.32.3", "multiFactorAuthentication", null, null).transferredBy("deviceCodeFlow");

    private TokenScenarios() {
    }

    static List<ScenarioType> all() {
        return List.of(
                ScenarioType.of("session-replay", "a session stolen by an AiTM page after MFA, replayed from another country",
                        Duration.ofMinutes(20), b -> sessionReplay(b, true)),
                ScenarioType.of("session-replay-near-miss",
                        "a phone carrying its session from home Wi-Fi to its mobile carrier, same country",
                        Duration.ofMinutes(20), b -> sessionReplay(b, false)),
                ScenarioType.of("device-code-session-spread",
                        "a phished device code: the victim enters it at home, the attacker's script refreshes from abroad",
                        Duration.ofMinutes(20), b -> deviceCodeSpread(b, true)),
                ScenarioType.of("device-code-session-spread-near-miss",
                        "an administrator enrolling three meeting-room devices by device code at the office",
                        Duration.ofMinutes(20), b -> deviceCodeSpread(b, false)),
                ScenarioType.of("broker-device-code-registration",
                        "a phished device code for the authentication broker, redeemed to register a device",
                        Duration.ofMinutes(10), b -> broker(b, true)),
                ScenarioType.of("broker-device-code-registration-near-miss",
                        "a Windows device joined through the authentication broker interactively",
                        Duration.ofMinutes(10), b -> broker(b, false)));
    }

    private static void sessionReplay(ScenarioBuilder b, boolean attack) {
        SyntheticUser victim = b.user(1, city("Frankfurt"));
        String session = UUID.nameUUIDFromBytes(("replay|" + b.attackerIp(1)).getBytes()).toString();
        SignInSpec.Client own = SignInSpec.Client.BROWSER.inSession(session);
        b.signInWith(b.atSeconds(0), victim, 0, null, victim.usualIp(), victim.home(), EXCHANGE, own);
        if (attack) {
            b.signInWith(b.atSeconds(300), victim, 0, null, b.attackerIp(1), city("Paris"), EXCHANGE, own);
            b.signInWith(b.atSeconds(600), victim, 0, null, b.attackerIp(1), city("Paris"), "Microsoft Graph", own);
            b.expect("SESSION_REPLAY", session(session));
        } else {
            // the same session from the carrier's network (another /16, another autonomous system), same country
            b.signInWith(b.atSeconds(300), victim, 0, null, "100.72." + b.index() % 250 + ".9", city("Frankfurt"), EXCHANGE, own);
            b.signInWith(b.atSeconds(900), victim, 0, null, victim.usualIp(), victim.home(), EXCHANGE, own);
            b.nearMiss("SESSION_REPLAY", session(session));
        }
    }

    private static void deviceCodeSpread(ScenarioBuilder b, boolean attack) {
        if (attack) {
            // the attacker's server in the victim's own country: only the second address gives it away
            SyntheticUser victim = b.user(1, city("Frankfurt"));
            String session = UUID.nameUUIDFromBytes(("device|" + b.attackerIp(1)).getBytes()).toString();
            b.signInWith(b.atSeconds(0), victim, 0, null, victim.usualIp(), victim.home(), "Microsoft Office",
                    DEVICE_CODE.inSession(session));
            b.signInWith(b.atSeconds(240), victim, 0, null, b.attackerIp(1), city("Frankfurt"), "Microsoft Office",
                    DEVICE_CODE_REFRESH.inSession(session));
            b.expect("DEVICE_CODE_SESSION_SPREAD", session(session));
            b.expect("DEVICE_CODE_FIRST_USE", user(victim));
            return;
        }
        SyntheticUser admin = b.user(1);
        for (int room = 0; room < 3; room++) {
            String session = UUID.nameUUIDFromBytes(("room|" + b.index() + "|" + room).getBytes()).toString();
            b.signInWith(b.atSeconds(room * 300L), admin, 0, null, admin.usualIp(), admin.home(), "Microsoft Teams",
                    DEVICE_CODE.inSession(session));
            b.signInWith(b.atSeconds(room * 300L + 60), admin, 0, null, admin.usualIp(), admin.home(), "Microsoft Teams",
                    DEVICE_CODE_REFRESH.inSession(session));
            b.nearMiss("DEVICE_CODE_SESSION_SPREAD", session(session));
        }
        b.expect("DEVICE_CODE_FIRST_USE", user(admin)); // the first enrolment is a first device code, once
    }

    private static void broker(ScenarioBuilder b, boolean attack) {
        SyntheticUser user = b.user(1);
        SignInSpec.Client client = new SignInSpec.Client("Mobile Apps and Desktop clients", attack ? "deviceCode" : "none",
                null, "multiFactorAuthentication", null, null, BROKER, "Device Registration Service", DRS);
        String ip = attack ? b.attackerIp(1) : user.usualIp();
        b.signInWith(b.atSeconds(0), user, 0, null, ip, attack ? city("Frankfurt") : user.home(),
                "Microsoft Authentication Broker", client);
        if (attack) {
            b.expect("BROKER_DEVICE_CODE_REGISTRATION", user(user));
            b.expect("DEVICE_CODE_FIRST_USE", user(user));
        } else {
            b.nearMiss("BROKER_DEVICE_CODE_REGISTRATION", user(user));
        }
    }

    private static AlertEntity session(String id) {
        return new AlertEntity("session", id);
    }
}
