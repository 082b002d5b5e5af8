package io.gatewatch.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

/**
 * Benign failures that come in sequences, as real tenants produce them; each rate is in the
 * docs/commands.md (generate) with its reasoning:
 * <ul>
 *   <li>typos: 2 % of sign-ins start with 1-3 wrong passwords, then the user gets it right;</li>
 *   <li>unanswered MFA prompts: 0.06 % of sign-ins (3 % of the 2 % that prompt) leave 1-3 prompts
 *       unanswered a minute apart, then the user approves one;</li>
 *   <li>a legacy-auth service account in each of the three largest tenants, its stored password
 *       stale, failing every 5 minutes around the clock from the office address;</li>
 *   <li>a help-desk password-reset wave in the largest tenant once a day (from hour 26): 2 % of
 *       its users (at least 10) over 3 hours, each with a device still holding the old password
 *       (1-2 failures, one invalidated session), then a success.</li>
 * </ul>
 * Events wait in a queue until traffic reaches their time; each then takes one background slot.
 */
final class BenignEpisodes {

    static final String NO_RESPONSE = "MFA denied; user did not respond to mobile app notification";
    private static final double TYPO_SHARE = 0.02;
    private static final double UNANSWERED_SHARE = 0.0006;
    private static final Duration SERVICE_EVERY = Duration.ofMinutes(5);
    private static final Duration FIRST_WAVE = Duration.ofHours(26);

    private final SyntheticDirectory directory;
    private final Random random;
    private final PriorityQueue<SignInSpec> due = new PriorityQueue<>(Comparator.comparing(SignInSpec::time));
    private final List<SyntheticUser> serviceAccounts = new ArrayList<>();
    private Instant nextService;
    private Instant nextWave;

    BenignEpisodes(SyntheticDirectory directory, long seed) {
        this.directory = directory;
        this.random = new Random(seed ^ 0xe915L);
        for (int t = 0; t < Math.min(3, directory.tenantCount()); t++) {
            SyntheticUser owner = directory.users(t).get(0);
            String domain = owner.userPrincipalName().substring(owner.userPrincipalName().indexOf('@') + 1);
            serviceAccounts.add(new SyntheticUser(owner.tenantId(), "svc-scanner@" + domain,
                    new UUID(seed ^ 0x5c, t).toString(), "Scanner (IMAP)", owner.home(), "100.64.1." + (t + 1)));
        }
    }

    /** The earliest queued event due by {@code time}, or null; queues the scheduled episodes first. */
    SignInSpec due(Instant time) {
        if (nextService == null) {
            nextService = time.plusSeconds(random.nextInt(300));
            nextWave = time.plus(FIRST_WAVE);
        }
        while (!time.isBefore(nextService)) {
            for (SyntheticUser account : serviceAccounts) {
                queue(account, nextService.plusSeconds(random.nextInt(60)), new Place(account.usualIp(), account.home()),
                        50126, null, false, "Office 365 Exchange Online");
            }
            nextService = nextService.plus(SERVICE_EVERY);
        }
        if (!time.isBefore(nextWave)) {
            resetWave(nextWave);
            nextWave = nextWave.plus(Duration.ofDays(1));
        }
        return due.isEmpty() || due.peek().time().isAfter(time) ? null : due.poll();
    }

    /** Maybe starts a typo or unanswered-prompt episode for this sign-in; its first event, or null. */
    SignInSpec start(SyntheticUser user, Place place, Instant time, String app) {
        double roll = random.nextDouble();
        if (roll < TYPO_SHARE) {
            int typos = 1 + (random.nextDouble() < 0.3 ? 1 + (random.nextDouble() < 0.33 ? 1 : 0) : 0);
            return failuresThenSuccess(user, place, time, app, 50126, null, typos, 5, 15, 10, 50);
        }
        if (roll < TYPO_SHARE + UNANSWERED_SHARE) {
            double more = random.nextDouble();
            int prompts = more < 0.75 ? 1 : more < 0.95 ? 2 : 3;
            return failuresThenSuccess(user, place, time, app, 500121, NO_RESPONSE, prompts, 60, 30, 60, 120);
        }
        return null;
    }

    /**
     * {@code failures} failures a random gap apart ({@code gap} + up to {@code gapJitter} seconds),
     * then the success after {@code pause} + up to {@code pauseJitter} seconds; the first failure is
     * returned, the rest queued.
     */
    private SignInSpec failuresThenSuccess(SyntheticUser user, Place place, Instant time, String app, int code,
                                           String details, int failures, int gap, int gapJitter, int pause,
                                           int pauseJitter) {
        Instant t = time;
        for (int i = 1; i < failures; i++) {
            t = t.plusSeconds(gap + random.nextInt(gapJitter));
            queue(user, t, place, code, details, true, app);
        }
        queue(user, t.plusSeconds(pause + random.nextInt(pauseJitter)), place, 0, null, true, app);
        return spec(user, time, place, code, details, true, app);
    }

    private void resetWave(Instant at) {
        List<SyntheticUser> users = directory.users(0).stream().filter(ProxyEgress::proxied).toList();
        int size = Math.min(users.size(), Math.max(10, directory.users(0).size() / 50));
        for (int i = 0; i < size; i++) {
            SyntheticUser user = users.get(random.nextInt(users.size()));
            Place place = ProxyEgress.of(user);
            Instant t = at.plusSeconds(i * (3 * 3600L / size) + random.nextInt(60));
            int stale = 1 + random.nextInt(2);
            for (int k = 0; k < stale; k++) {
                queue(user, t.plusSeconds(k * 40L), place, 50126, null, false, "Office 365 Exchange Online");
            }
            queue(user, t.plusSeconds(stale * 40L), place, 50133, null, false, "Microsoft Teams");
            queue(user, t.plusSeconds(stale * 40L + 120 + random.nextInt(480)), place, 0, null, true,
                    "Office 365 Exchange Online");
        }
    }

    /** Queues another kind of noise's later event, to come out in time order with the episodes' own. */
    void queue(SignInSpec spec) {
        due.add(spec);
    }

    private void queue(SyntheticUser user, Instant time, Place place, int code, String details, boolean interactive,
                       String app) {
        due.add(spec(user, time, place, code, details, interactive, app));
    }

    private static SignInSpec spec(SyntheticUser user, Instant time, Place place, int code, String details,
                                   boolean interactive, String app) {
        return new SignInSpec(null, time, user, place.ipAddress(), place.location(), code, BenignTraffic.reasonFor(code),
                details, null, interactive, app);
    }
}
