package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.GeoLocation;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.state.SharedTexts;
import java.util.List;
import java.util.Locale;

/** Turns a classified event into the small {@link Observation} a window keeps. */
final class Observations {

    private Observations() {
    }

    /**
     * An address's observation: an event of the rule's {@code kind} opens the address's window; a
     * success only joins one that is open (benign addresses keep no state); anything else, nothing.
     */
    static List<WindowedRule.Keyed> atAddress(ClassifiedEvent event, boolean ofKind, String kind) {
        String ip = event.event().ipAddress();
        if (ip == null || user(event.event()) == null) {
            return List.of();
        }
        if (ofKind) {
            return List.of(new WindowedRule.Keyed("ip", ip, of(event, kind)));
        }
        return event.classification().outcome() == Outcome.SUCCESS
                ? List.of(new WindowedRule.Keyed("ip", ip, of(event, "success"), false)) : List.of();
    }

    /**
     * What every observation of one event shares. Several rules observe each event; the last
     * event's texts are kept per thread, so its name, address, app and place are lowered, joined
     * and looked up in {@link SharedTexts} once, not once per rule.
     */
    private record EventTexts(ClassifiedEvent source, long timeMs, String user, String ip, String app, String location,
                              String correlationId) {

        static EventTexts of(ClassifiedEvent classified) {
            InputEvent event = classified.event();
            SignInEvent signIn = event instanceof SignInEvent s ? s : null;
            // the correlation id is the one part that differs between a user's observations
            return new EventTexts(classified, event.createdDateTime().toEpochMilli(), SharedTexts.share(Observations.user(event)),
                    SharedTexts.share(event.ipAddress()), SharedTexts.share(signIn == null ? null
                            : signIn.appDisplayName() != null ? signIn.appDisplayName() : signIn.appId()),
                    signIn == null ? null : SharedTexts.share(Observations.location(signIn.location())),
                    signIn != null && signIn.correlationId() != null ? signIn.correlationId() : event.id());
        }
    }

    private static final ThreadLocal<EventTexts[]> LAST_EVENT = ThreadLocal.withInitial(() -> new EventTexts[1]);

    static Observation of(ClassifiedEvent classified, String kind) {
        EventTexts[] last = LAST_EVENT.get();
        EventTexts texts = last[0];
        if (texts == null || texts.source() != classified) {
            texts = EventTexts.of(classified);
            last[0] = texts;
        }
        return new Observation(texts.timeMs(), kind, texts.user(), texts.ip(), texts.app(), texts.location(),
                texts.correlationId());
    }

    /**
     * The observation with a rule's own term (a country, a session, an autonomous system) in its
     * app slot: rules that compare or count one field beyond the usual four keep it there.
     */
    static Observation withTerm(Observation seen, String term) {
        return new Observation(seen.timeMs(), seen.kind(), seen.user(), seen.ip(), term == null ? null : SharedTexts.share(term),
                seen.location(), seen.correlationId());
    }

    /**
     * An address's success as its window keeps it: spray and probe rules only count who succeeded
     * from the address and when (their evidence is the failures, and the success being evaluated).
     */
    static Observation successKept(Observation observation) {
        return observation.kind().equals("success")
                ? new Observation(observation.timeMs(), observation.kind(), observation.user(), null, null, null, null)
                : observation;
    }

    static String user(InputEvent event) {
        return event.userPrincipalName() == null ? null : event.userPrincipalName().toLowerCase(Locale.ROOT);
    }

    /** "lat,lon|city, country" where coordinates are known, else "city, country". */
    private static String location(GeoLocation location) {
        if (location == null) {
            return null;
        }
        String place = location.city() == null ? location.countryOrRegion()
                : location.city() + ", " + location.countryOrRegion();
        return location.hasCoordinates() ? location.latitude() + "," + location.longitude() + "|" + place : place;
    }
}
