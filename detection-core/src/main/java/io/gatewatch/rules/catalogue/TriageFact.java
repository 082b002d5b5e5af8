package io.gatewatch.rules.catalogue;

import io.gatewatch.schema.AlertEvidence;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The evidence a triage question can name as its answer ({@code answer: signedInAfterwards}),
 * and how the answer reads: numbers first, then at most a few names.
 */
public enum TriageFact {

    SIGNED_IN_AFTERWARDS("signedInAfterwards"),
    USERS("users"),
    ADDRESSES("addresses"),
    COUNTRIES("countries"),
    APPS("apps"),
    SESSIONS("sessions"),
    SIGN_INS("signIns");

    /** Names an answer spells out; the evidence lists the rest. */
    private static final int NAMED = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String yamlName;

    TriageFact(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** The fact of this name, or null. */
    public static TriageFact named(String name) {
        return Arrays.stream(values()).filter(f -> f.yamlName.equals(name)).findFirst().orElse(null);
    }

    public static String allowed() {
        return Arrays.stream(values()).map(TriageFact::yamlName).collect(Collectors.joining(", "));
    }

    /** The answer the evidence gives, or null when it holds nothing on it. */
    public String answer(AlertEvidence e) {
        return switch (this) {
            case SIGNED_IN_AFTERWARDS -> afterwards(e.signedInAfterwards());
            case USERS -> e.usersTotal() == 0 ? null : count(e.usersTotal(), "user") + ": " + named(e.users(), e.usersTotal());
            case ADDRESSES -> e.addressesTotal() == 0 ? null : count(e.addressesTotal(), "address") + ": "
                    + named(e.addresses().stream().map(TriageFact::address).toList(), e.addressesTotal());
            case COUNTRIES -> e.countries().isEmpty() ? null : String.join(", ", e.countries());
            case APPS -> e.apps().isEmpty() ? null : named(e.apps(), e.apps().size());
            case SESSIONS -> e.sessions().isEmpty() ? null : count(e.sessions().size(), "session");
            case SIGN_INS -> e.signInsTotal() == 0 ? null : count(e.signInsTotal(), "sign-in") + ", the latest at "
                    + TIME.format(last(e));
        };
    }

    private static String afterwards(AlertEvidence.SignedInAfterwards a) {
        if (a == null) {
            return null;
        }
        if (a.checked() == 1) {
            return a.users().isEmpty() ? "The user has not signed in since the failures."
                    : "The user signed in after the failures: treat the account as compromised.";
        }
        return a.users().size() + " of the " + a.checked() + " targeted users signed in afterwards"
                + (a.users().isEmpty() ? "." : ": " + named(a.users(), a.users().size()) + " (reset these first).");
    }

    private static String address(AlertEvidence.Address a) {
        String where = a.country() == null ? "" : a.country();
        where = a.asn() == null ? where : where.isEmpty() ? "AS" + a.asn() : where + ", AS" + a.asn();
        return where.isEmpty() ? a.ip() : a.ip() + " (" + where + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
    }

    private static String named(List<String> names, int total) {
        String shown = names.stream().limit(NAMED).collect(Collectors.joining(", "));
        return total > Math.min(NAMED, names.size()) ? shown + " and " + (total - Math.min(NAMED, names.size())) + " more"
                : shown;
    }

    private static Instant last(AlertEvidence e) {
        return e.signIns().stream().map(AlertEvidence.SignIn::time).max(Instant::compareTo).orElseThrow();
    }
}
