package io.gatewatch.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A run's events in event-time order: background traffic at a steady rate (benign sign-ins and
 * a share of successful Dynamics 365 requests to each tenant's org) merged with injected
 * scenario events. Deterministic for a seed.
 */
public final class TrafficStream implements Iterator<GeneratedEvent> {

    /** Share of background events that are Dynamics 365 requests rather than sign-ins. */
    public static final double DYNAMICS_SHARE = 0.02;

    private final SyntheticDirectory directory;
    private final BenignTraffic benign;
    private final TenantOrgs orgs;
    private final Random random;
    private final Instant start;
    private final double eventsPerSecond;
    private final long backgroundEvents;
    private final PriorityQueue<GeneratedEvent> injected =
            new PriorityQueue<>(Comparator.comparing(GeneratedEvent::time));
    private long emitted;
    private SignInSpec background;

    public TrafficStream(SyntheticDirectory directory, long seed, Instant start, Duration length,
                         double eventsPerSecond, List<GeneratedEvent> injected) {
        this(directory, seed, start, length, eventsPerSecond, injected, true);
    }

    /** @param noise realistic benign noise in the background ({@link BenignTraffic}) */
    public TrafficStream(SyntheticDirectory directory, long seed, Instant start, Duration length,
                         double eventsPerSecond, List<GeneratedEvent> injected, boolean noise) {
        this.directory = directory;
        this.benign = new BenignTraffic(directory, seed, noise);
        this.orgs = new TenantOrgs(directory);
        this.random = new Random(seed ^ 0xd15c0L);
        this.start = start;
        this.eventsPerSecond = eventsPerSecond;
        this.backgroundEvents = (long) Math.floor(length.toMillis() / 1000.0 * eventsPerSecond);
        this.injected.addAll(injected);
    }

    public long backgroundEvents() {
        return backgroundEvents;
    }

    @Override
    public boolean hasNext() {
        return emitted < backgroundEvents || !injected.isEmpty();
    }

    @Override
    public GeneratedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (background == null && emitted < backgroundEvents) {
            background = benign.next(timeOf(emitted));
        }
        // the background event's own time, not its slot's: a queued noise event may be earlier
        if (background == null || (!injected.isEmpty() && !injected.peek().time().isAfter(background.time()))) {
            return injected.poll();
        }
        SignInSpec signIn = background;
        background = null;
        emitted++;
        return backgroundEvent(signIn, random.nextDouble() < DYNAMICS_SHARE, orgs, directory);
    }

    /**
     * A background event from a benign sign-in: the sign-in itself, or when {@code dynamics}, the
     * same user's successful request to their tenant's Dynamics 365 org at that time and address.
     */
    public static GeneratedEvent backgroundEvent(SignInSpec signIn, boolean dynamics, TenantOrgs orgs,
                                            SyntheticDirectory directory) {
        if (!dynamics) {
            return new GeneratedEvent.SignIn(signIn);
        }
        SyntheticUser user = signIn.user();
        TenantOrgs.Org org = orgs.of(directory.tenantIndex(user.tenantId()));
        return new GeneratedEvent.DynamicsAccess(new DynamicsAccessSpec("dyn-" + signIn.id(), signIn.time(), user,
                signIn.ipAddress(), "https://" + org.host() + "/main.aspx", 0, null));
    }

    private Instant timeOf(long index) {
        // millisecond precision, as every export format can carry it
        return start.plusMillis((long) (index * 1000.0 / eventsPerSecond));
    }
}
