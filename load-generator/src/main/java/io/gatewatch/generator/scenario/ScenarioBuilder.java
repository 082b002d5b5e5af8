package io.gatewatch.generator.scenario;

import io.gatewatch.generator.DynamicsAccessSpec;
import io.gatewatch.generator.GeneratedEvent;
import io.gatewatch.generator.HomeLocation;
import io.gatewatch.generator.SignInSpec;
import io.gatewatch.generator.SyntheticUser;
import io.gatewatch.generator.TenantOrgs;
import io.gatewatch.schema.AlertEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What a scenario script writes with: its own users (never touched by background traffic, so a
 * near miss stays a near miss), attacker addresses, sign-ins and Dynamics requests at offsets
 * from the scenario start, and the labels it expects. Attackers come from 198.18.0.0/15 (RFC
 * 2544, never routed) and scenario users from 2001:db8::/32 (RFC 3849), apart from the IPv4
 * documentation ranges background users sign in from.
 */
public final class ScenarioBuilder {

    private static final Map<Integer, String> REASONS = Map.of(
            50126, "Error validating credentials due to invalid username or password.",
            50053, "Account is locked because user tried to sign in too many times with an incorrect user ID or password.",
            50055, "The password is expired.",
            50057, "User account is disabled. The account has been disabled by an administrator.",
            53003, "Access has been blocked by Conditional Access policies.",
            53004, "Proof up is blocked due to risk on the session.",
            500121, "Authentication failed during strong authentication request.");

    /** The tenant id of provider-scoped alerts (CROSS_TENANT_SPRAY). */
    static final String PROVIDER = "provider";

    private final String scenario;
    private final int index;
    private final Instant start;
    private final String tenantId;
    private final String domain;
    private final TenantOrgs.Org org;
    private final long hourlyVolume;
    private final List<String> tenantIds;
    private final int tenantIndex;
    private final List<GeneratedEvent> events = new ArrayList<>();
    private final List<WatchlistMember> watched = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final List<Label> open = new ArrayList<>();
    private boolean failures;

    /**
     * @param tenantIds every tenant of the run, in order ({@code tenantIndex} is this scenario's), for
     *                  scenarios that span tenants
     */
    ScenarioBuilder(String scenario, int index, Instant start, List<String> tenantIds, int tenantIndex,
                    TenantOrgs.Org org, long hourlyVolume) {
        this.scenario = scenario;
        this.index = index;
        this.start = start;
        this.tenantIds = List.copyOf(tenantIds);
        this.tenantIndex = tenantIndex;
        this.tenantId = tenantIds.get(tenantIndex);
        this.domain = domainOf(tenantIndex);
        this.org = org;
        this.hourlyVolume = hourlyVolume;
    }

    private static String domainOf(int tenantIndex) {
        return "tenant" + (tenantIndex + 1) + ".example.com";
    }

    public int tenantCount() {
        return tenantIds.size();
    }

    /** The scenario's n-th user in the tenant {@code offset} places after the scenario's own (wrapping round). */
    public SyntheticUser userInTenant(int offset, int n) {
        int tenant = (tenantIndex + offset) % tenantIds.size();
        String name = "s" + index + "-t" + (tenant + 1) + "-user" + n;
        return new SyntheticUser(tenantIds.get(tenant), name + "@" + domainOf(tenant),
                new UUID(index + 0x5cL, tenant * 1000L + n).toString(), "Scenario " + index + " user " + n,
                HomeLocation.CITIES.get(0), "2001:db8:" + Integer.toHexString(index) + ":" + Integer.toHexString(tenant)
                + "::" + Integer.toHexString(n));
    }

    public Instant at(Duration offset) {
        return start.plus(offset);
    }

    /** The scenario's number in its run: it picks the scenario's users and addresses. */
    public int index() {
        return index;
    }

    public Instant atSeconds(long seconds) {
        return start.plusSeconds(seconds);
    }

    /** Background sign-ins the tenant sees in an hour: the scale a tenant-wide spike must beat. */
    public long hourlyVolume() {
        return hourlyVolume;
    }

    public TenantOrgs.Org org() {
        return org;
    }

    /** The scenario's n-th user (from 1), living in {@code home}, signing in from its own address. */
    public SyntheticUser user(int n, HomeLocation home) {
        String name = "s" + index + "-user" + n;
        return new SyntheticUser(tenantId, name + "@" + domain, new UUID(index + 0x5cL, n).toString(),
                "Scenario " + index + " user " + n, home, "2001:db8:" + Integer.toHexString(index) + "::" + Integer.toHexString(n));
    }

    public SyntheticUser user(int n) {
        return user(n, HomeLocation.CITIES.get((index + n) % HomeLocation.CITIES.size()));
    }

    /** The scenario's n-th attacker address: 198.18.0.0/15 gives 512 scenarios addresses of their own. */
    public String attackerIp(int n) {
        return "198." + (18 + index / 256 % 2) + "." + (index % 256) + "." + (n % 254 + 1);
    }

    public static HomeLocation city(String name) {
        return HomeLocation.CITIES.stream().filter(c -> c.city().equals(name)).findFirst().orElseThrow();
    }

    public void signIn(Instant time, SyntheticUser user, int code, String details, String risk, String ip,
                       HomeLocation location, String app) {
        write(time, user, code, details, risk, ip, location, app, SignInSpec.Client.BROWSER);
    }

    /** A sign-in made with another client than a browser (a legacy mail client, ROPC), or with a risk state. */
    public void signInWith(Instant time, SyntheticUser user, int code, String risk, String ip, HomeLocation location,
                       String app, SignInSpec.Client client) {
        write(time, user, code, null, risk, ip, location, app, client);
    }

    /** A non-interactive sign-in (a token redeemed, a Seamless SSO attempt) with a browser's client. */
    public void signInNonInteractive(Instant time, SyntheticUser user, int code, String ip, HomeLocation location,
                                     String app) {
        write(time, user, code, null, null, ip, location, app, SignInSpec.Client.BROWSER, false);
    }

    private void write(Instant time, SyntheticUser user, int code, String details, String risk, String ip,
                       HomeLocation location, String app, SignInSpec.Client client) {
        write(time, user, code, details, risk, ip, location, app, client, true);
    }

    private void write(Instant time, SyntheticUser user, int code, String details, String risk, String ip,
                       HomeLocation location, String app, SignInSpec.Client client, boolean interactive) {
        String id = String.format(Locale.ROOT, "5c3a%04x-%04x-4000-8000-%012x", index & 0xffff,
                events.size() & 0xffff, time.toEpochMilli());
        events.add(new GeneratedEvent.SignIn(new SignInSpec(id, time, user, ip, location, code, REASONS.get(code),
                details, risk, interactive, app, client)));
        failures |= code != 0;
    }

    /** A sign-in from an attacker's address in {@code location} to Exchange Online. */
    public void signIn(Instant time, SyntheticUser user, int code, String ip, HomeLocation location) {
        signIn(time, user, code, null, null, ip, location, "Office 365 Exchange Online");
    }

    /** A sign-in from the user's own address at home. */
    public void signIn(Instant time, SyntheticUser user, int code) {
        signIn(time, user, code, user.usualIp(), user.home());
    }

    public void dynamics(Instant time, SyntheticUser user, String host, Object code, String message) {
        String id = "5c3a-dyn-" + index + "-" + events.size();
        events.add(new GeneratedEvent.DynamicsAccess(new DynamicsAccessSpec(id, time, user, user.usualIp(),
                "https://" + host + "/main.aspx", code, message)));
    }

    /**
     * Puts the user on a watchlist ({@code privileged}, {@code break-glass}): the run's watchlist
     * file ({@code generate --watchlist-out}) lists it, as an administrator's would.
     */
    public void watch(String watchlist, SyntheticUser user) {
        watched.add(new WatchlistMember(watchlist, user.userPrincipalName()));
    }

    /** The rule must fire for the entity while the scenario's events run. */
    public void expect(String rule, AlertEntity entity) {
        open.add(new Label(scenario, rule, Label.Expect.ALERT, tenantId, entity, null, null));
    }

    /** The rule must fire for the entity between the given times. */
    public void expect(String rule, AlertEntity entity, Instant from, Instant to) {
        labels.add(new Label(scenario, rule, Label.Expect.ALERT, tenantId, entity, from, to));
    }

    /** The provider-scoped rule must fire (alerts of tenant "provider") while the scenario's events run. */
    public void expectForProvider(String rule, AlertEntity entity) {
        open.add(new Label(scenario, rule, Label.Expect.ALERT, PROVIDER, entity, null, null));
    }

    /** A provider-scoped near miss. */
    public void nearMissForProvider(String rule, AlertEntity entity) {
        open.add(new Label(scenario, rule, Label.Expect.NONE, PROVIDER, entity, null, null));
    }

    /** A near miss: the rule must stay quiet for the entity during the scenario and an hour after. */
    public void nearMiss(String rule, AlertEntity entity) {
        open.add(new Label(scenario, rule, Label.Expect.NONE, tenantId, entity, null, null));
    }

    public AlertEntity tenant() {
        return new AlertEntity("tenant", tenantId);
    }

    Injection build() {
        Instant first = events.stream().map(GeneratedEvent::time).min(Instant::compareTo).orElse(start);
        Instant last = events.stream().map(GeneratedEvent::time).max(Instant::compareTo).orElse(start);
        List<Label> all = new ArrayList<>(labels);
        for (Label label : open) {
            Instant end = label.expect() == Label.Expect.NONE ? last.plus(Duration.ofHours(1)) : last;
            all.add(new Label(label.scenario(), label.rule(), label.expect(), label.tenantId(), label.entity(), first, end));
        }
        boolean rateLabelled = all.stream().anyMatch(l -> l.rule().equals("FAILURE_RATE_SPIKE"));
        if (failures && !rateLabelled) {
            // extra failures can lift a busy tenant's hourly failure rate: a true spike, not a false positive
            all.add(new Label(scenario, "FAILURE_RATE_SPIKE", Label.Expect.MAY, tenantId, tenant(), first,
                    last.plus(Duration.ofHours(1))));
        }
        return new Injection(scenario, List.copyOf(events), all, List.copyOf(watched));
    }

    /** What one scenario put into the traffic, what it expects of the rules, and whom it watches. */
    public record Injection(String scenario, List<GeneratedEvent> events, List<Label> labels,
                            List<WatchlistMember> watched) {
    }

    /** One row of a watchlist file: the list's name and a member's user principal name. */
    public record WatchlistMember(String watchlist, String user) {
    }
}
