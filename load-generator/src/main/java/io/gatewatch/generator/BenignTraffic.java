package io.gatewatch.generator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Everyday sign-in traffic: mostly successes, with the failure mix a healthy tenant shows —
 * password typos, KMSI and MFA interrupts, silent-SSO misses, expired sessions and passwords,
 * the odd Conditional Access block — spread over all users, so it should raise no alert. With
 * noise on (the default) it also carries what real tenants add and naive rules trip on: shared
 * proxy egress ({@link ProxyEgress}), long-haul travellers ({@link Travellers}), failure
 * sequences ({@link BenignEpisodes}): typos then success, unanswered MFA prompts, a stale
 * service account, a password-reset wave; and lookalikes of the newer rules' attacks: printers
 * on Authenticated SMTP, device-code enrolment of meeting rooms ({@link KnownClients}),
 * developers' VS Code and Azure CLI, roaming phones, remediated risk, MFA on arrival abroad
 * ({@link BenignLookalikes}). The known clients alert until a tenant lists them, as a real one
 * does after the first alert: {@link #knownClientExceptions} gives those lists.
 */
public final class BenignTraffic {

    /** An error code, its share of traffic and Microsoft's failure text for it. */
    private record Share(int errorCode, double weight, String failureReason) {
    }

    private static final List<Share> MIX = List.of(
            new Share(0, 0.8949, null),
            // typos a user gives up on (or returns to much later); the ones corrected at once are BenignEpisodes'
            new Share(50126, 0.010, "Error validating credentials due to invalid username or password."),
            new Share(50140, 0.030, "This error occurred due to 'Keep me signed in' interrupt when the user was signing-in."),
            new Share(50074, 0.020, "Strong Authentication is required."),
            new Share(50058, 0.020, "The application tried to perform a silent sign in and the user could not be silently signed in."),
            new Share(50173, 0.015, "The provided grant has expired due to it being revoked."),
            // with a 90-day expiry a tenant of 1 400 users sees about 15 expiries a day: 1 in 10 000 sign-ins
            new Share(50055, 0.0001, "The password is expired."),
            new Share(53003, 0.005, "Access has been blocked by Conditional Access policies."),
            new Share(16000, 0.005, "Other"));

    private static final List<String> APPS = List.of("Office 365 Exchange Online", "Microsoft Teams",
            "Office 365 SharePoint Online", "Azure Portal", "Dynamics CRM Online");

    private final SyntheticDirectory directory;
    private final Random random;
    private final int[] cumulativeUsers;
    private final boolean noise;
    private final Travellers travellers;
    private final BenignEpisodes episodes;
    private final KnownClients knownClients;
    private final BenignLookalikes lookalikes;
    private long sequence;

    public BenignTraffic(SyntheticDirectory directory, long seed) {
        this(directory, seed, true);
    }

    /** @param noise false for the plain mix alone: every user at their own address, failures one at a time */
    public BenignTraffic(SyntheticDirectory directory, long seed, boolean noise) {
        this.directory = directory;
        this.random = new Random(seed);
        this.noise = noise;
        this.travellers = new Travellers(seed);
        this.episodes = new BenignEpisodes(directory, seed);
        this.knownClients = new KnownClients(directory, seed);
        this.lookalikes = new BenignLookalikes(knownClients, travellers, episodes::queue, seed);
        this.cumulativeUsers = new int[directory.tenantCount()];
        int total = 0;
        for (int t = 0; t < directory.tenantCount(); t++) {
            total += directory.users(t).size();
            cumulativeUsers[t] = total;
        }
    }

    /** The next sign-in at (or, for a queued event, just before) the given time; ids unique per instance and seed. */
    public SignInSpec next(Instant time) {
        sequence++;
        if (!noise) {
            SyntheticUser user = randomUser();
            return plain(user, new Place(user.usualIp(), user.home()), time);
        }
        travellers.planUntil(time, this::randomUser);
        knownClients.planUntil(time, episodes::queue); // one queue, so queued events come out in time order
        SignInSpec queued = episodes.due(time);
        if (queued != null) {
            return withId(queued);
        }
        SyntheticUser user;
        Place place;
        do {
            user = randomUser();
            place = travellers.placeOf(user, time, ProxyEgress.proxied(user) ? ProxyEgress.of(user)
                    : new Place(user.usualIp(), user.home()));
        } while (place == null);
        String app = APPS.get(random.nextInt(APPS.size()));
        SignInSpec lookalike = lookalikes.start(user, place, time, app);
        SignInSpec episode = lookalike != null ? lookalike : episodes.start(user, place, time, app);
        return episode != null ? withId(episode) : plain(user, place, time);
    }

    /** The tenants' exception lists for their known clients ({@code rule.<ID>.except-users}): {@code generate --exceptions}. */
    public static Map<String, String> knownClientExceptions(SyntheticDirectory directory) {
        return new KnownClients(directory, 0).ruleExceptions();
    }

    private SignInSpec plain(SyntheticUser user, Place place, Instant time) {
        Share share = pick();
        return new SignInSpec(idFor(sequence), time, user, place.ipAddress(), place.location(), share.errorCode(),
                share.failureReason(), null, null, random.nextDouble() < 0.7, APPS.get(random.nextInt(APPS.size())));
    }

    private SignInSpec withId(SignInSpec spec) {
        return new SignInSpec(idFor(sequence), spec.time(), spec.user(), spec.ipAddress(), spec.location(),
                spec.errorCode(), spec.failureReason(), spec.additionalDetails(), spec.riskLevel(), spec.interactive(),
                spec.appDisplayName(), spec.client());
    }

    /** Microsoft's failure text for a code of the mix or an episode. */
    static String reasonFor(int errorCode) {
        if (errorCode == 500121) {
            return "Authentication failed during strong authentication request.";
        }
        if (errorCode == 50133) {
            return "Session is invalid due to expiration or recent password change.";
        }
        return MIX.stream().filter(s -> s.errorCode() == errorCode).findFirst().map(Share::failureReason).orElse(null);
    }

    private String idFor(long n) {
        return String.format(Locale.ROOT, "%08x-%04x-4000-8000-%012x",
                directory.tenantId(0).hashCode(), (int) (n >>> 48) & 0xffff, n & 0xffffffffffffL);
    }

    private SyntheticUser randomUser() {
        int index = random.nextInt(cumulativeUsers[cumulativeUsers.length - 1]);
        int tenant = 0;
        while (index >= cumulativeUsers[tenant]) {
            tenant++;
        }
        int offset = tenant == 0 ? index : index - cumulativeUsers[tenant - 1];
        return directory.users(tenant).get(offset);
    }

    private Share pick() {
        double roll = random.nextDouble();
        for (Share share : MIX) {
            roll -= share.weight();
            if (roll < 0) {
                return share;
            }
        }
        return MIX.get(0);
    }
}
