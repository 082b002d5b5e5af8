package io.gatewatch.generator.demo;

import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.GeneratedEvent;
import io.gatewatch.generator.GeneratedRecord;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.TenantOrgs;
import io.gatewatch.generator.TrafficStream;
import io.gatewatch.generator.format.JsonRecordEncoder;
import io.gatewatch.generator.format.OutputFormat;
import io.gatewatch.generator.scenario.ScenarioBuilder;
import io.gatewatch.generator.scenario.ScenarioCatalog;
import io.gatewatch.generator.scenario.ScenarioSchedule;
import io.gatewatch.generator.scenario.ScenarioType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Traffic for the live demo, one second at a time: the generator's benign background (its
 * failure mix and noise, with a share of Dynamics requests to each tenant's org) over as many
 * users as the rate needs for each to sign in about every {@link #SIGN_IN_INTERVAL}, as people
 * do, and every {@code attackEverySeconds} one of the generator's attack scenarios, in rotation,
 * on its own users and attacker addresses, each announced as a {@link PlantedScenario} with the
 * alerts it should raise. Only those should alert.
 */
public final class DemoTraffic {

    public static final int DEFAULT_RATE = 20;
    public static final int DEFAULT_TENANTS = 5;
    public static final int ATTACK_EVERY_SECONDS = 30;
    /**
     * How often one user signs in, interactive and not: about 50 sign-ins in a working day, which
     * is what a user of Outlook, Teams and SharePoint leaves in Entra's logs. Fewer users for the
     * same rate would make each sign in every few seconds, and their ordinary typos would add up
     * to a brute force within minutes.
     */
    public static final Duration SIGN_IN_INTERVAL = Duration.ofMinutes(10);
    /** Short attacks first, so alerts show in the first minutes; each runs for at most 15 minutes. */
    private static final List<String> ROTATION = List.of("mfa-fraud", "account-lockout", "dynamics-missing-role",
            "risky-sign-in", "brute-force-success", "dynamics-region-mismatch", "mfa-denied", "password-spray",
            "mfa-fatigue-success");
    private static final int ENVELOPE_SIZE = 50;

    private final SyntheticDirectory directory;
    private final TenantOrgs orgs;
    private final BenignTraffic benign;
    private final ScenarioSchedule schedule;
    private final Random random;
    private final int eventsPerSecond;
    private final int attackEverySeconds;
    private final PriorityQueue<GeneratedEvent> planted = new PriorityQueue<>(Comparator.comparing(GeneratedEvent::time));
    private long second;
    private int plants;

    public DemoTraffic(int tenants, long seed, int eventsPerSecond, int attackEverySeconds) {
        this.directory = SyntheticDirectory.generate(seed, tenants, usersFor(eventsPerSecond, tenants));
        this.orgs = new TenantOrgs(directory);
        this.benign = new BenignTraffic(directory, seed);
        this.schedule = new ScenarioSchedule(directory, eventsPerSecond);
        this.random = new Random(seed ^ 0xd15c0L);
        this.eventsPerSecond = eventsPerSecond;
        this.attackEverySeconds = attackEverySeconds;
    }

    /** Users for a rate: each signs in about every {@link #SIGN_IN_INTERVAL}, and at least 3 per tenant. */
    public static int usersFor(int eventsPerSecond, int tenants) {
        return (int) Math.max(3L * tenants, eventsPerSecond * SIGN_IN_INTERVAL.toSeconds());
    }

    public SyntheticDirectory directory() {
        return directory;
    }

    /** The org directory the demo publishes: each tenant's org and the region host it lives on. */
    public List<TenantOrgs.Org> orgs() {
        return orgs.all();
    }

    /** One second of traffic: its records, stamped within it, and any attack planted in it. */
    public record Second(List<GeneratedRecord> records, List<PlantedScenario> planted) {
    }

    /** The next second of traffic, from {@code now}. */
    public Second nextSecond(Instant now) {
        second++;
        List<PlantedScenario> plantedNow = new ArrayList<>();
        if (second % attackEverySeconds == 10 % attackEverySeconds) {
            plantedNow.add(plant(now));
        }
        List<GeneratedRecord> records = new ArrayList<>();
        JsonRecordEncoder encoder = new JsonRecordEncoder(OutputFormat.AZURE_MONITOR, ENVELOPE_SIZE);
        Instant end = now.plusSeconds(1);
        for (int i = 0; i < eventsPerSecond; i++) {
            Instant time = now.plusMillis(i * 1000L / eventsPerSecond);
            while (!planted.isEmpty() && !planted.peek().time().isAfter(time)) {
                encoder.encode(planted.poll(), records::add);
            }
            boolean dynamics = random.nextDouble() < TrafficStream.DYNAMICS_SHARE;
            encoder.encode(TrafficStream.backgroundEvent(benign.next(time), dynamics, orgs, directory), records::add);
        }
        while (!planted.isEmpty() && planted.peek().time().isBefore(end)) {
            encoder.encode(planted.poll(), records::add);
        }
        encoder.flush(records::add);
        return new Second(records, plantedNow);
    }

    private PlantedScenario plant(Instant now) {
        ScenarioType type = ScenarioCatalog.named(ROTATION.get(plants % ROTATION.size())).orElseThrow();
        plants++;
        ScenarioBuilder.Injection injection = schedule.plant(type, plants, now, plants % directory.tenantCount());
        planted.addAll(injection.events());
        return new PlantedScenario(type.name(), type.description(), directory.tenantId(plants % directory.tenantCount()),
                now, injection.labels());
    }
}
