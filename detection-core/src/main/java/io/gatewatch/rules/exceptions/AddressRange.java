package io.gatewatch.rules.exceptions;

import java.util.List;

/**
 * An address range of an exception: {@code 10.0.0.0/8}, {@code 2001:db8::/32}, or a bare address
 * ({@code 198.51.100.7} = /32, {@code 2001:db8::1} = /128). Nothing else: a host name is refused,
 * never resolved (this package has no resolver call; the literal parser is its own), and so are
 * zone ids, brackets, octal-looking dotted quads and a range with host bits set
 * ({@code 10.1.2.3/8}: a typo for /32, or for 10.0.0.0/8 — the message names the latter).
 *
 * <p>IPv4 and IPv6 are kept apart the way the address families are: an IPv4 range holds IPv4
 * addresses, and IPv4-mapped IPv6 addresses ({@code ::ffff:10.1.2.3}) as the IPv4 address they
 * carry; an IPv6 range holds IPv6 addresses, so {@code ::/0} is "all of IPv6" and no IPv4 address
 * is in it. A mapped range ({@code ::ffff:10.0.0.0/104}) is the IPv4 range it spells ({@code 10.0.0.0/8}).
 *
 * <p>{@link #contains} reads the address on the stack against a pre-computed network and mask:
 * no allocation, no look-up, for any input (a non-literal is simply not contained).
 */
public final class AddressRange {

    /** What a range may be, for messages. */
    public static final String ALLOWED = "allowed: 10.0.0.0/8, 2001:db8::/32, or a bare address (= /32, /128); "
            + "no host names";

    private static final int QUOTED_MAX = 50;

    private final boolean ipv4;
    private final int prefixLength;
    private final long networkHigh;
    private final long networkLow;
    private final long maskHigh;
    private final long maskLow;
    private final AddressSet self;

    private AddressRange(boolean ipv4, int prefixLength, long networkHigh, long networkLow, long maskHigh, long maskLow) {
        this.ipv4 = ipv4;
        this.prefixLength = prefixLength;
        this.networkHigh = networkHigh;
        this.networkLow = networkLow;
        this.maskHigh = maskHigh;
        this.maskLow = maskLow;
        this.self = new AddressSet(List.of(this));
    }

    /**
     * Reads a range; an {@link IllegalArgumentException} says what is wrong and what is allowed,
     * quoting the text only when it is short.
     */
    public static AddressRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty address range (" + ALLOWED + ")");
        }
        String given = text.strip();
        int slash = given.indexOf('/');
        String address = slash < 0 ? given : given.substring(0, slash);
        int prefix = -1;
        if (slash >= 0) {
            String digits = given.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw refused(given, "has no prefix length after '/'");
            }
            prefix = Integer.parseInt(digits);
        }
        long[] read = new long[3];
        boolean literal = IpLiteral.read(address, (isIpv4, high, low) -> {
            read[0] = isIpv4 ? 1 : 0;
            read[1] = high;
            read[2] = low;
            return true;
        });
        if (!literal || address.isBlank() || address.strip().length() != address.length()) {
            throw refused(given, "is not an IPv4 or IPv6 address or CIDR range");
        }
        boolean dotted = address.indexOf(':') < 0;
        boolean mapped = read[0] == 1;
        int max = dotted ? 32 : 128;
        if (prefix > max) {
            throw refused(given, "has a prefix longer than /" + max);
        }
        int bits = dotted ? 96 + (prefix < 0 ? 32 : prefix) : (prefix < 0 ? 128 : prefix);
        if (mapped && bits < 96) {
            throw refused(given, "is an IPv4-mapped range shorter than /96 (write the IPv4 range instead)");
        }
        long maskHigh = bits >= 64 ? -1L : bits == 0 ? 0 : -1L << (64 - bits);
        long maskLow = bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits);
        AddressRange range = new AddressRange(mapped, mapped ? bits - 96 : bits, read[1] & maskHigh, read[2] & maskLow,
                maskHigh, maskLow);
        if (range.networkHigh != read[1] || range.networkLow != read[2]) {
            throw new IllegalArgumentException(quoted(given) + " has host bits set: the range is " + range
                    + ", the single address " + address.strip() + (dotted ? "/32" : "/128"));
        }
        return range;
    }

    /** Whether {@code address}, an IP literal, is in the range; false for null and anything not a literal. */
    public boolean contains(String address) {
        return self.contains(address);
    }

    /** An IPv4 range (IPv4-mapped addresses included), or an IPv6 one. */
    public boolean isIpv4() {
        return ipv4;
    }

    /** The prefix length in the family's own terms: 0..32 for IPv4, 0..128 for IPv6. */
    public int prefixLength() {
        return prefixLength;
    }

    long networkHigh() {
        return networkHigh;
    }

    long networkLow() {
        return networkLow;
    }

    long maskHigh() {
        return maskHigh;
    }

    long maskLow() {
        return maskLow;
    }

    /** {@code 10.0.0.0/8}, {@code 2001:db8::/32}: the network in canonical form (RFC 5952 for IPv6). */
    @Override
    public String toString() {
        if (ipv4) {
            long v4 = networkLow & 0xFFFF_FFFFL;
            return (v4 >>> 24) + "." + ((v4 >>> 16) & 0xFF) + "." + ((v4 >>> 8) & 0xFF) + "." + (v4 & 0xFF)
                    + "/" + prefixLength;
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            long half = i < 4 ? networkHigh : networkLow;
            groups[i] = (int) ((half >>> (48 - 16 * (i % 4))) & 0xFFFF);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952: "::" only for two or more zero groups
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.append('/').append(prefixLength).toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range && range.ipv4 == ipv4 && range.prefixLength == prefixLength
                && range.networkHigh == networkHigh && range.networkLow == networkLow;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(networkHigh * 31 + networkLow) * 31 + prefixLength * 2 + (ipv4 ? 1 : 0);
    }

    private static IllegalArgumentException refused(String given, String why) {
        return new IllegalArgumentException(quoted(given) + " " + why + " (" + ALLOWED + ")");
    }

    /** The entry in quotes when short; a long one is not echoed. */
    static String quoted(String given) {
        return given.length() <= QUOTED_MAX ? "'" + given + "'" : "an entry of " + given.length() + " characters";
    }
}
