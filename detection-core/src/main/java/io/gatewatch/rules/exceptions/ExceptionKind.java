package io.gatewatch.rules.exceptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The four kinds of exception and their configuration keys: globally {@code exceptions.<kind>},
 * for one rule {@code rule.<RULE>.except-<kind>}; each value a comma-separated list (blank
 * entries ignored, an empty value an empty list).
 */
public enum ExceptionKind {

    /** Address ranges: {@code 10.0.0.0/8}, {@code 2001:db8::/32}, bare addresses ({@link AddressRange}). */
    ADDRESSES("addresses"),
    /** Autonomous system numbers, {@code 8075} (an {@code AS} prefix is allowed: {@code AS8075}). */
    ASNS("asns"),
    /**
     * User principal names, exact and ignoring case ({@code svc-scanner@contoso.com}); no
     * wildcards or domain suffixes: an exception names the accounts it trusts.
     */
    USERS("users"),
    /** Apps by app id or display name, exact and ignoring case; a service principal is excepted by its app id. */
    APPS("apps");

    /** The global keys' prefix. */
    public static final String GLOBAL_PREFIX = "exceptions.";
    /** A rule parameter's prefix: {@code rule.<RULE>.except-<kind>}. */
    public static final String PARAMETER_PREFIX = "except-";

    private final String word;

    ExceptionKind(String word) {
        this.word = word;
    }

    /** {@code addresses}, {@code asns}, {@code users}, {@code apps}. */
    public String word() {
        return word;
    }

    /** {@code exceptions.addresses} and so on. */
    public String globalKey() {
        return GLOBAL_PREFIX + word;
    }

    /** {@code except-addresses} and so on: the parameter of {@code rule.<RULE>.except-addresses}. */
    public String parameter() {
        return PARAMETER_PREFIX + word;
    }

    /** The kind a rule parameter ({@code except-asns}) names, or null. */
    public static ExceptionKind ofParameter(String parameter) {
        for (ExceptionKind kind : values()) {
            if (kind.parameter().equals(parameter)) {
                return kind;
            }
        }
        return null;
    }

    /** The kind of a global key ({@code exceptions.users}), or null. */
    public static ExceptionKind ofGlobalKey(String key) {
        for (ExceptionKind kind : values()) {
            if (kind.globalKey().equals(key)) {
                return kind;
            }
        }
        return null;
    }

    /** What is wrong with {@code value} as this kind's list under {@code key}, or null when it reads. */
    public String problem(String key, String value) {
        try {
            read(key, value, ExceptionList.builder());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * Adds the entries of a comma-separated list to {@code into}; an {@link IllegalArgumentException}
     * names the key and the entry (user names by position only: they are personal data).
     */
    void read(String key, String value, ExceptionList.Builder into) {
        List<String> entries = entries(value);
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            switch (this) {
                case ADDRESSES -> {
                    try {
                        into.address(AddressRange.parse(entry));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(key + " entry " + e.getMessage());
                    }
                }
                case ASNS -> into.asn(asn(key, entry));
                case USERS -> {
                    int at = entry.indexOf('@');
                    if (at <= 0 || at == entry.length() - 1 || entry.indexOf('@', at + 1) >= 0 || entry.indexOf('*') >= 0
                            || entry.chars().anyMatch(Character::isWhitespace)) {
                        throw new IllegalArgumentException(key + " entry " + (i + 1) + " is not a user principal name "
                                + "(an exact name@domain; no wildcards)");
                    }
                    into.user(entry);
                }
                case APPS -> into.app(entry);
                default -> throw new IllegalStateException(name());
            }
        }
    }

    private static int asn(String key, String entry) {
        String digits = entry.regionMatches(true, 0, "AS", 0, 2) ? entry.substring(2) : entry;
        if (!digits.isEmpty() && digits.length() <= 10 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long number = Long.parseLong(digits);
            if (number <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw new IllegalArgumentException(key + " entry " + AddressRange.quoted(entry)
                + " is not an autonomous system number (a whole number such as 8075)");
    }

    private static List<String> entries(String value) {
        List<String> entries = new ArrayList<>();
        if (value == null) {
            return entries;
        }
        for (String part : value.split(",", -1)) {
            String entry = part.strip();
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
