package io.gatewatch.rules.detail;

import io.gatewatch.rules.catalogue.EventField;
import io.gatewatch.rules.observe.Observation;
import io.gatewatch.schema.AlertEvidence;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.GeoLocation;
import io.gatewatch.schema.SignInEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An alert's {@link AlertEvidence} from what its rule kept: the observations of its finding and
 * the event being processed. Runs only when an alert is raised or updated, never per event. The
 * observations carry four texts and a correlation id; a rule that keeps one more field keeps it in
 * the app slot ({@code term}: a session id, a country, an autonomous system), read back here.
 */
public final class EvidenceCollector {

    private EvidenceCollector() {
    }

    /** A per-event rule's evidence: the one sign-in. */
    public static AlertEvidence ofEvent(ClassifiedEvent event) {
        return of(List.of(observation(event)), event, null);
    }

    /**
     * @param observations the finding's evidence, oldest first
     * @param current      the event that raised or updates the alert: its result code and autonomous
     *                     system; null when the rule sees no event (the provider's cross-tenant spray)
     * @param term         what the app slot holds: null for the app, else the field's name
     */
    public static AlertEvidence of(List<Observation> observations, ClassifiedEvent current, String term) {
        String currentId = current == null ? null : correlationId(current);
        String currentIp = current == null ? null : current.event().ipAddress();
        String currentAsn = current == null ? null : EventField.AUTONOMOUS_SYSTEM_NUMBER.read(current);
        Set<String> users = new LinkedHashSet<>();
        Map<String, AlertEvidence.Address> addresses = new LinkedHashMap<>();
        Set<String> apps = new LinkedHashSet<>();
        Set<String> countries = new LinkedHashSet<>();
        Set<String> sessions = new LinkedHashSet<>();
        List<AlertEvidence.SignIn> signIns = new ArrayList<>();
        for (Observation o : observations) {
            add(users, o.user());
            String country = "country".equals(term) ? o.app() : country(o.location());
            add(countries, country);
            if (term == null) {
                add(apps, o.app());
            } else if (term.equals("sessionId")) {
                add(sessions, o.app());
            }
            if (o.ip() != null) {
                String asn = "autonomousSystemNumber".equals(term) ? o.app()
                        : o.ip().equals(currentIp) ? currentAsn : null;
                AlertEvidence.Address known = addresses.get(o.ip());
                if (known == null || known.asn() == null && asn != null || known.country() == null && country != null) {
                    addresses.put(o.ip(), new AlertEvidence.Address(o.ip(), known != null && known.country() != null
                            ? known.country() : country, known != null && known.asn() != null ? known.asn() : asn));
                }
            }
            boolean isCurrent = o.correlationId() != null && o.correlationId().equals(currentId);
            signIns.add(new AlertEvidence.SignIn(Instant.ofEpochMilli(o.timeMs()), o.correlationId(), o.user(), o.ip(),
                    isCurrent ? current.classification().errorCode() : null, o.kind()));
        }
        int from = Math.max(0, signIns.size() - AlertEvidence.MAX_SIGN_INS); // the newest: the incident as it stands
        return new AlertEvidence(first(users, AlertEvidence.MAX_USERS), users.size(),
                first(addresses.values(), AlertEvidence.MAX_ADDRESSES), addresses.size(),
                first(apps, AlertEvidence.MAX_VALUES), first(countries, AlertEvidence.MAX_VALUES),
                first(sessions, AlertEvidence.MAX_VALUES), signIns.subList(from, signIns.size()), signIns.size(), null);
    }

    /** "lat,lon|City, CC", "City, CC" or "CC": the country is what follows the last comma. */
    static String country(String location) {
        if (location == null) {
            return null;
        }
        String place = location.substring(location.indexOf('|') + 1);
        String country = place.substring(place.lastIndexOf(',') + 1).strip();
        return country.isEmpty() ? null : country;
    }

    private static Observation observation(ClassifiedEvent event) {
        String place = null;
        if (event.event() instanceof SignInEvent signIn && signIn.location() != null) {
            GeoLocation where = signIn.location();
            place = where.city() == null ? where.countryOrRegion() : where.city() + ", " + where.countryOrRegion();
        }
        return new Observation(event.event().createdDateTime().toEpochMilli(),
                event.classification().outcome().name().toLowerCase(Locale.ROOT), EventField.USER.read(event),
                event.event().ipAddress(), EventField.APP.read(event), place, correlationId(event));
    }

    static String correlationId(ClassifiedEvent event) {
        return event.event() instanceof SignInEvent s && s.correlationId() != null ? s.correlationId() : event.event().id();
    }

    private static void add(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }

    private static <T> List<T> first(java.util.Collection<T> values, int cap) {
        return values.stream().limit(cap).toList();
    }
}
