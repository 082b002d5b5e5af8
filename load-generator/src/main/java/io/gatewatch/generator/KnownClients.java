package io.gatewatch.generator;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The tenants' known clients: accounts whose everyday sign-ins have an attack's shape, which a
 * tenant lists in a rule's exceptions after the first alert ({@link #ruleExceptions}):
 * <ul>
 *   <li>a multifunction printer in each of the five largest tenants mails scans through
 *       Authenticated SMTP with an account of its own ({@code scan-to-mail@...}), every 10-40 min of
 *       office hours, from the office address: LEGACY_AUTH_SUCCESS's shape, and the false positive
 *       its catalogue entry names; SMTP AUTH with a mailbox is what Microsoft documents for devices
 *       that send mail, so most tenants have one;</li>
 *   <li>an IT administrator ({@code rooms-admin@...}) in each of the three largest tenants enrols
 *       1-3 meeting-room devices a working day by device code: the device-code sign-in to Microsoft
 *       Teams, then the device's token refreshes (originalTransferMethod deviceCodeFlow) a few minutes
 *       and about an hour later, each device its own session, all from the office address. That is
 *       DEVICE_CODE_FIRST_USE's shape (it alerts at the admin's first device code, hence the
 *       exception), DEVICE_CODE_SESSION_SPREAD's (one address per session: quiet) and
 *       BROKER_DEVICE_CODE_REGISTRATION's (Teams, not the broker: quiet);</li>
 *   <li>developers, 1 user in 200 (picked by a hash of the user id), each with VS Code or Azure CLI
 *       against Microsoft Graph ({@link BenignLookalikes} writes their sign-ins).</li>
 * </ul>
 * Office hours are 08:00-18:00, Monday to Friday, in the office's solar time (longitude / 15 h).
 */
final class KnownClients {

    static final String VS_CODE = "aebc6443-996d-45c2-90f0-388ff96faa56";
    static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    private static final String TEAMS = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";
    private static final String TEAMS_SERVICES = "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe";
    private static final SignInSpec.Client SMTP = new SignInSpec.Client("Authenticated SMTP", null, "", null, null, null); // no agent
    private static final SignInSpec.Client DEVICE_CODE = new SignInSpec.Client("Mobile Apps and Desktop clients",
            "deviceCode", null, "multiFactorAuthentication", null, null, TEAMS, "Microsoft Teams Services", TEAMS_SERVICES);
    private static final SignInSpec.Client DEVICE_REFRESH = new SignInSpec.Client("Mobile Apps and Desktop clients",
            null, null, null, null, null, TEAMS, "Microsoft Teams Services", TEAMS_SERVICES).transferredBy("deviceCodeFlow");
    private static final int PRINTER_TENANTS = 5;
    private static final int ENROLMENT_TENANTS = 3;
    private static final int DEVELOPER_ONE_IN = 200;

    /** A tenant's office: its printer's account, its rooms admin (null in smaller tenants) and its clock. */
    private record Office(SyntheticUser printer, SyntheticUser roomsAdmin, ZoneOffset solarTime) {
    }

    private final List<Office> offices = new ArrayList<>();
    private final Map<String, String> clientByDeveloper = new HashMap<>();
    private final List<String> developerNames = new ArrayList<>();
    private final Random random;
    private final LocalDate[] nextDay;

    KnownClients(SyntheticDirectory directory, long seed) {
        this.random = new Random(seed ^ 0x9a1L);
        for (int t = 0; t < Math.min(PRINTER_TENANTS, directory.tenantCount()); t++) {
            SyntheticUser owner = directory.users(t).get(0);
            String domain = owner.userPrincipalName().substring(owner.userPrincipalName().indexOf('@') + 1);
            String office = "100.64.1." + (t + 1); // where BenignEpisodes' stale scanner account signs in from too
            SyntheticUser printer = new SyntheticUser(owner.tenantId(), "scan-to-mail@" + domain,
                    new UUID(seed ^ 0x9a1L, t).toString(), "Scan to mail (printer)", owner.home(), office);
            SyntheticUser admin = t >= ENROLMENT_TENANTS ? null : new SyntheticUser(owner.tenantId(), "rooms-admin@" + domain,
                    new UUID(seed ^ 0x9a2L, t).toString(), "Meeting rooms admin", owner.home(), office);
            offices.add(new Office(printer, admin, solarTime(owner.home())));
        }
        for (int t = 0; t < directory.tenantCount(); t++) {
            for (SyntheticUser user : directory.users(t)) {
                UUID hash = UUID.nameUUIDFromBytes(("developer|" + user.userId()).getBytes(StandardCharsets.UTF_8));
                if (Math.floorMod(hash.getLeastSignificantBits(), DEVELOPER_ONE_IN) == 0) {
                    clientByDeveloper.put(user.userId(), (hash.getMostSignificantBits() & 1) == 0 ? VS_CODE : AZURE_CLI);
                    developerNames.add(user.userPrincipalName());
                }
            }
        }
        this.nextDay = new LocalDate[offices.size()];
    }

    /** The app id of the developer's tool (VS Code or Azure CLI); null for anyone else. */
    String developerClient(SyntheticUser user) {
        return clientByDeveloper.isEmpty() ? null : clientByDeveloper.get(user.userId());
    }

    /** The place's solar clock: whole hours from its longitude. */
    static ZoneOffset solarTime(HomeLocation place) {
        return ZoneOffset.ofHours((int) Math.round(place.longitude() / 15));
    }

    /** Every known client by the rule it is excepted from, as {@code rule.<ID>.except-users} settings. */
    Map<String, String> ruleExceptions() {
        Map<String, String> exceptions = new TreeMap<>();
        exceptions.put("rule.LEGACY_AUTH_SUCCESS.except-users",
                String.join(",", offices.stream().map(o -> o.printer().userPrincipalName()).toList()));
        exceptions.put("rule.DEVICE_CODE_FIRST_USE.except-users", String.join(",", offices.stream()
                .filter(o -> o.roomsAdmin() != null).map(o -> o.roomsAdmin().userPrincipalName()).toList()));
        exceptions.put("rule.FIRST_PARTY_CLIENT_TO_GRAPH.except-users", String.join(",", developerNames));
        return exceptions;
    }

    /** Queues the office accounts' sign-ins of each office day begun by {@code time}; none before {@code time}. */
    void planUntil(Instant time, Consumer<SignInSpec> queue) {
        for (int i = 0; i < offices.size(); i++) {
            Office office = offices.get(i);
            if (nextDay[i] == null) {
                LocalDate today = time.atOffset(office.solarTime()).toLocalDate();
                plan(office, today, time, queue);
                nextDay[i] = today.plusDays(1);
            }
            while (!time.isBefore(nextDay[i].atStartOfDay().toInstant(office.solarTime()))) {
                plan(office, nextDay[i], time, queue);
                nextDay[i] = nextDay[i].plusDays(1);
            }
        }
    }

    private void plan(Office office, LocalDate day, Instant notBefore, Consumer<SignInSpec> queue) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return;
        }
        Instant opens = day.atTime(8, 0).toInstant(office.solarTime());
        Instant closes = opens.plus(Duration.ofHours(10));
        // a scan mailed whenever someone scans: every 10-40 min
        for (Instant t = opens.plusSeconds(random.nextInt(1200)); t.isBefore(closes); t = t.plusSeconds(600 + random.nextInt(1800))) {
            send(queue, notBefore, office.printer(), t, false, "Office 365 Exchange Online", SMTP);
        }
        SyntheticUser admin = office.roomsAdmin();
        int devices = admin == null ? 0 : 1 + random.nextInt(3);
        for (int d = 0; d < devices; d++) {
            Instant enrols = opens.plus(Duration.ofMinutes(90 + 60L * d + random.nextInt(30))); // a room an hour from 09:30
            String session = UUID.nameUUIDFromBytes(("room|" + admin.userId() + "|" + day + "|" + d)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            send(queue, notBefore, admin, enrols, true, "Microsoft Teams", DEVICE_CODE.inSession(session));
            // the device's own refreshes, from the room: at once, then before the first token expires
            send(queue, notBefore, admin, enrols.plusSeconds(60 + random.nextInt(240)), false, "Microsoft Teams",
                    DEVICE_REFRESH.inSession(session));
            send(queue, notBefore, admin, enrols.plusSeconds(3000 + random.nextInt(500)), false, "Microsoft Teams",
                    DEVICE_REFRESH.inSession(session));
        }
    }

    private static void send(Consumer<SignInSpec> queue, Instant notBefore, SyntheticUser account, Instant time,
                             boolean interactive, String app, SignInSpec.Client client) {
        if (!time.isBefore(notBefore)) {
            queue.accept(new SignInSpec(null, time, account, account.usualIp(), account.home(), 0, null, null, null,
                    interactive, app, client));
        }
    }
}
