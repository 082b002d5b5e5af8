package io.gatewatch.generator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Benign sign-ins with the shape of the newer rules' attacks, each started at one background
 * sign-in of a user, from wherever that user is (home, the proxy, a hotel abroad); later events
 * are queued. Rates and reasons:
 * <ul>
 *   <li>a traveller's first sign-in abroad meets an MFA prompt (50074) on every other trip, approved
 *       20-90 s later ({@link Travellers}): NEW_COUNTRY_VALID_PASSWORD's shape, quiet because the
 *       flight's hours make the country reachable;</li>
 *   <li>developers ({@link KnownClients}) sign in to Microsoft Graph with VS Code or Azure CLI at
 *       their first sign-in of each working day (08:00-18:00 their solar time), interactive with MFA,
 *       and 1 in 5 of their later sign-ins that day is the tool's token refresh: a
 *       FIRST_PARTY_CLIENT_TO_GRAPH first use every 14 days at most, hence the tenant's exception;</li>
 *   <li>roaming phones: 0.3 % of sign-ins of users at their own address are Outlook Mobile opened
 *       on home Wi-Fi, its session (same sessionId) then refreshed 1-2 times 5-30 min later over
 *       the mobile carrier, another /16 and so another autonomous system in the same country and
 *       city: SESSION_REPLAY's shape (one session, two networks), quiet because the country stays.
 *       About one user in three outside the proxy each day, where really every phone leaves home;
 *       the carrier is per country in 100.100-110.0.0/16 (RFC 6598, carrier-grade NAT's range);</li>
 *   <li>remediated risk: 0.1 % of sign-ins succeed at medium (70 %) or high risk that the user
 *       remediated with MFA (80 %) or an admin dismissed: RISKY_SIGN_IN's and REPEATED_RISK's shape,
 *       quiet because the risk is no longer held. Identity Protection rates a small share of
 *       sign-ins at risk, and a risk-based policy asks most of them for MFA.</li>
 * </ul>
 */
final class BenignLookalikes {

    private static final double ROAMING_SHARE = 0.003;
    private static final double RISK_SHARE = 0.001;
    private static final double TOOL_REFRESH_SHARE = 0.2;
    private static final String GRAPH = "00000003-0000-0000-c000-000000000000";
    private static final String DESKTOP = "Mobile Apps and Desktop clients";
    private static final SignInSpec.Client OUTLOOK_MOBILE = new SignInSpec.Client(DESKTOP, null, "Outlook-iOS/2.0",
            null, null, null, "27922004-5251-4030-b22d-91ecd9a37ea4", "Office 365 Exchange Online",
            "00000002-0000-0ff1-ce00-000000000000");
    private static final List<String> COUNTRIES = HomeLocation.CITIES.stream().map(HomeLocation::countryOrRegion)
            .distinct().toList();

    private final KnownClients known;
    private final Travellers travellers;
    private final Consumer<SignInSpec> queue;
    private final Random random;
    private final Map<String, LocalDate> toolDayByDeveloper = new HashMap<>();

    BenignLookalikes(KnownClients known, Travellers travellers, Consumer<SignInSpec> queue, long seed) {
        this.known = known;
        this.travellers = travellers;
        this.queue = queue;
        this.random = new Random(seed ^ 0x100cL);
    }

    /** This sign-in as a lookalike's first event, or null for an ordinary one. */
    SignInSpec start(SyntheticUser user, Place place, Instant time, String app) {
        if (travellers.promptedOnArrival(user, time)) {
            queue.accept(spec(user, place, time.plusSeconds(20 + random.nextInt(70)), 0, null, app, SignInSpec.Client.BROWSER));
            return spec(user, place, time, 50074, null, app, SignInSpec.Client.BROWSER);
        }
        String tool = known.developerClient(user);
        if (tool != null) {
            OffsetDateTime local = time.atOffset(KnownClients.solarTime(user.home()));
            boolean workingHours = local.getDayOfWeek().getValue() <= 5 && !local.toLocalTime().isBefore(LocalTime.of(8, 0))
                    && local.toLocalTime().isBefore(LocalTime.of(18, 0));
            if (workingHours) {
                boolean first = !local.toLocalDate().equals(toolDayByDeveloper.put(user.userId(), local.toLocalDate()));
                if (first || random.nextDouble() < TOOL_REFRESH_SHARE) {
                    return developer(user, place, time, tool, first);
                }
            }
        }
        double roll = random.nextDouble();
        if (roll < ROAMING_SHARE && place.ipAddress().equals(user.usualIp())) {
            return roamingPhone(user, place, time);
        }
        if (roll >= ROAMING_SHARE && roll < ROAMING_SHARE + RISK_SHARE) {
            String level = random.nextDouble() < 0.7 ? "medium" : "high";
            String state = random.nextDouble() < 0.8 ? "remediated" : "dismissed";
            return spec(user, place, time, 0, level, app,
                    new SignInSpec.Client(null, null, null, "multiFactorAuthentication", level, state));
        }
        return null;
    }

    private SignInSpec developer(SyntheticUser user, Place place, Instant time, String tool, boolean first) {
        SignInSpec.Client client = new SignInSpec.Client(DESKTOP, null, null,
                first ? "multiFactorAuthentication" : "singleFactorAuthentication", null, null, tool, "Microsoft Graph", GRAPH);
        String app = tool.equals(KnownClients.VS_CODE) ? "Visual Studio Code" : "Microsoft Azure CLI";
        return new SignInSpec(null, time, user, place.ipAddress(), place.location(), 0, null, null, null, first, app, client);
    }

    private SignInSpec roamingPhone(SyntheticUser user, Place home, Instant time) {
        SignInSpec.Client phone = OUTLOOK_MOBILE.inSession(UUID.nameUUIDFromBytes(("phone|" + user.userId() + "|" + time)
                .getBytes(StandardCharsets.UTF_8)).toString());
        Place carrier = carrierOf(user);
        Instant refresh = time;
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            refresh = refresh.plusSeconds(300 + random.nextInt(1500));
            queue.accept(new SignInSpec(null, refresh, user, carrier.ipAddress(), carrier.location(), 0, null, null, null,
                    false, "Outlook Mobile", phone));
        }
        return spec(user, home, time, 0, null, "Outlook Mobile", phone);
    }

    /** The user's phone on the mobile carrier of the user's country: one /16 per country, located in the user's city. */
    private static Place carrierOf(SyntheticUser user) {
        int hash = user.userId().hashCode();
        String network = "100." + (100 + COUNTRIES.indexOf(user.home().countryOrRegion()));
        return new Place(network + "." + (hash & 0xff) + "." + (1 + Math.floorMod(hash >>> 8, 254)), user.home());
    }

    private static SignInSpec spec(SyntheticUser user, Place place, Instant time, int code, String risk, String app,
                                   SignInSpec.Client client) {
        return new SignInSpec(null, time, user, place.ipAddress(), place.location(), code, BenignTraffic.reasonFor(code),
                null, risk, true, app, client);
    }
}
