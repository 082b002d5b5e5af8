package io.gatewatch.rules.exceptions;

/**
 * Reads an IP address literal — dotted-quad IPv4, or IPv6 in any RFC 4291 text form ({@code ::}
 * compression, an embedded dotted quad at the end) — into 128 bits, IPv4 as its IPv4-mapped IPv6
 * address ({@code ::ffff:a.b.c.d}). Nothing else is an address here: no host names (never resolved:
 * nothing in this package calls the resolver), no zone ids ({@code fe80::1%eth0}), no brackets,
 * no octal or hex IPv4 forms, no leading zeros in a dotted quad ({@code 010.0.0.1}: octal to some
 * tools, decimal to others). Surrounding white space is ignored.
 *
 * <p>Reading allocates nothing: the result goes to a {@link Sink}, so the per-event path (an
 * {@link AddressSet} is its own sink) parses and matches on the stack.
 */
final class IpLiteral {

    /** The longest literal there is: {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}. */
    static final int MAX_LENGTH = 45;

    /** The IPv4-mapped prefix {@code ::ffff:0:0/96} as the upper half of the low 64 bits. */
    static final long MAPPED = 0xFFFFL << 32;

    /** Takes what was read; its answer is {@link #read}'s. */
    interface Sink {
        /**
         * @param ipv4 an IPv4 address, given as such or IPv4-mapped
         * @param high the upper 64 of the 128 bits
         * @param low  the lower 64 ({@code MAPPED | address} for IPv4)
         */
        boolean accept(boolean ipv4, long high, long low);
    }

    private IpLiteral() {
    }

    /** False when {@code text} is not an address literal; otherwise what the sink answers. */
    static boolean read(String text, Sink sink) {
        if (text == null) {
            return false;
        }
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        if (start == end || end - start > MAX_LENGTH) {
            return false;
        }
        if (text.indexOf(':', start) < 0) {
            long v4 = ipv4(text, start, end);
            return v4 >= 0 && sink.accept(true, 0, MAPPED | v4);
        }
        return ipv6(text, start, end, sink);
    }

    /** A dotted quad in {@code [start, end)} as 0..2^32-1, or -1. */
    static long ipv4(String text, int start, int end) {
        long value = 0;
        int octets = 0;
        int i = start;
        while (true) {
            int digitsStart = i;
            int octet = 0;
            while (i < end && i - digitsStart < 4) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                octet = octet * 10 + (c - '0');
                i++;
            }
            int digits = i - digitsStart;
            if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && text.charAt(digitsStart) == '0')) {
                return -1;
            }
            value = (value << 8) | octet;
            octets++;
            if (i == end) {
                return octets == 4 ? value : -1;
            }
            if (octets == 4 || text.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
    }

    private static boolean ipv6(String text, int start, int end, Sink sink) {
        long headHigh = 0;
        long headLow = 0;
        int head = 0; // groups before "::", placed from the left
        long tailHigh = 0;
        long tailLow = 0;
        int tail = 0; // groups after "::", shifted in from the right
        boolean compressed = false;
        int i = start;
        if (text.charAt(i) == ':') {
            if (end - i < 2 || text.charAt(i + 1) != ':') {
                return false;
            }
            compressed = true;
            i += 2;
        }
        while (i < end) {
            int partEnd = i;
            boolean dotted = false;
            while (partEnd < end && text.charAt(partEnd) != ':') {
                dotted |= text.charAt(partEnd) == '.';
                partEnd++;
            }
            if (partEnd == i) {
                return false; // ":::" or an empty group
            }
            int groups;
            long bits;
            if (dotted) {
                long v4 = partEnd == end ? ipv4(text, i, end) : -1; // a dotted quad only last
                if (v4 < 0) {
                    return false;
                }
                groups = 2;
                bits = v4;
            } else {
                if (partEnd - i > 4) {
                    return false;
                }
                int group = 0;
                for (int j = i; j < partEnd; j++) {
                    int digit = hex(text.charAt(j));
                    if (digit < 0) {
                        return false;
                    }
                    group = (group << 4) | digit;
                }
                groups = 1;
                bits = group;
            }
            if (head + tail + groups > 8) {
                return false;
            }
            for (int g = groups - 1; g >= 0; g--) {
                long group = (bits >>> (16 * g)) & 0xFFFF;
                if (compressed) {
                    tailHigh = (tailHigh << 16) | (tailLow >>> 48);
                    tailLow = (tailLow << 16) | group;
                    tail++;
                } else {
                    if (head < 4) {
                        headHigh |= group << (48 - 16 * head);
                    } else {
                        headLow |= group << (48 - 16 * (head - 4));
                    }
                    head++;
                }
            }
            if (partEnd == end) {
                break;
            }
            if (partEnd + 1 < end && text.charAt(partEnd + 1) == ':') {
                if (compressed) {
                    return false; // a second "::"
                }
                compressed = true;
                i = partEnd + 2;
            } else {
                i = partEnd + 1;
                if (i == end) {
                    return false; // a trailing single ':'
                }
            }
        }
        if (compressed ? head + tail > 7 : head != 8) {
            return false;
        }
        long high = headHigh | tailHigh;
        long low = headLow | tailLow;
        return sink.accept(high == 0 && (low >>> 32) == 0xFFFF, high, low);
    }

    /** An ASCII hex digit's value, or -1 (Character.digit would take full-width and other digits too). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
