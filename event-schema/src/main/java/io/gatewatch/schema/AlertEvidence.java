package io.gatewatch.schema;

import java.time.Instant;
import java.util.List;

/**
 * What an alert rests on, bounded so that an alert stays a few kilobytes however large the attack:
 * each list holds at most its cap ({@link #MAX_USERS}, {@link #MAX_ADDRESSES}, {@link #MAX_VALUES},
 * {@link #MAX_SIGN_INS}) and the totals say how many there were. Built from what the rule's window
 * keeps, plus the sign-in that raised or updated the alert: an address's autonomous system and a
 * sign-in's result code are known for that sign-in (windows keep neither, to stay small).
 *
 * @param users              the users involved, for the rules of an address, a tenant or a user
 * @param addresses          the addresses, with the country a sign-in from each was placed in
 * @param apps               the apps signed in to, for the rules that keep them
 * @param countries          the countries of the sign-ins
 * @param sessions           the session ids, for the rules that count or compare sessions
 * @param signIns            the contributing sign-ins, the newest {@link #MAX_SIGN_INS}
 * @param signedInAfterwards for an attack that can succeed (spray, guessing, MFA fatigue): which of
 *                           the targeted users signed in after their last failure; null for other rules
 */
public record AlertEvidence(List<String> users, int usersTotal, List<Address> addresses, int addressesTotal,
                            List<String> apps, List<String> countries, List<String> sessions,
                            List<SignIn> signIns, int signInsTotal, SignedInAfterwards signedInAfterwards) {

    public static final int MAX_USERS = 20;
    public static final int MAX_ADDRESSES = 10;
    public static final int MAX_VALUES = 10;
    public static final int MAX_SIGN_INS = 20;

    /** No evidence kept: an alert written before alerts carried it, or a spike about a tenant's hour. */
    public static final AlertEvidence NONE = new AlertEvidence(List.of(), 0, List.of(), 0, List.of(), List.of(),
            List.of(), List.of(), 0, null);

    public AlertEvidence {
        users = users == null ? List.of() : List.copyOf(users);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        apps = apps == null ? List.of() : List.copyOf(apps);
        countries = countries == null ? List.of() : List.copyOf(countries);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        signIns = signIns == null ? List.of() : List.copyOf(signIns);
    }

    public AlertEvidence withSignedInAfterwards(SignedInAfterwards afterwards) {
        return new AlertEvidence(users, usersTotal, addresses, addressesTotal, apps, countries, sessions, signIns,
                signInsTotal, afterwards);
    }

    /** An address, the country a sign-in from it was placed in and, where known, its autonomous system. */
    public record Address(String ip, String country, String asn) {
    }

    /**
     * One contributing sign-in. {@code kind} is what it was to the rule (fail, success, hit, ...);
     * {@code resultCode} is known for the sign-in that raised or updated the alert.
     */
    public record SignIn(Instant time, String correlationId, String user, String address, Integer resultCode,
                         String kind) {
    }

    /**
     * @param checked the targeted users looked at (the first {@link #MAX_USERS} ... up to the
     *                window's cap); {@code users} those of them who signed in after their last failure
     */
    public record SignedInAfterwards(int checked, List<String> users) {

        public SignedInAfterwards {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }
}
