package io.gatewatch.rules.windowed;

import java.util.Locale;

/**
 * The network an address lies in, as SUCCESS_THEN_FAILURE_OTHER_NETWORK compares them: the /16 of
 * an IPv4 address, the first two hextets of an IPv6 one, letters in lower case.
 */
final class Networks {

    private Networks() {
    }

    /** The /16 of an IPv4 address, the first two hextets of an IPv6 one. */
    static String of(String ip) {
        return ip.substring(0, networkEnd(ip)).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether two addresses, or an address and a {@link #of network} kept in a window, lie in the same
     * network: {@code of(a).equals(of(b))} without making either string.
     */
    static boolean same(String a, String b) {
        int end = networkEnd(a);
        if (!ascii(a, end) || !ascii(b, networkEnd(b))) {
            return of(a).equals(of(b)); // not an address as exports write them: compare as of() does
        }
        if (end != networkEnd(b)) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && Character.toLowerCase(x) != Character.toLowerCase(y)) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(String text, int end) {
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** Where an address's network ends: before its second separator, or its end (a network is its own). */
    private static int networkEnd(String ip) {
        char separator = ip.indexOf(':') >= 0 ? ':' : '.';
        int first = ip.indexOf(separator);
        int second = first < 0 ? -1 : ip.indexOf(separator, first + 1);
        return second < 0 ? ip.length() : second;
    }
}
