package io.gatewatch.rules.windowed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SUCCESS_THEN_FAILURE_OTHER_NETWORK compares addresses by network without making strings
 * ({@code Networks.same}); it must answer exactly what comparing their {@code Networks.of} does, for
 * IPv4, IPv6 in either case, an address against a network kept in a window, and odd spellings.
 */
class NetworkComparisonTest {

    private static final List<String> ADDRESSES = List.of("10.1.2.3", "10.1.200.9", "10.2.2.3", "10.1", "10.10.2.3",
            "1.2.3.4", "2001:db8::1", "2001:DB8:0:1::5", "2001:db8", "2001:db9::1", "2001:0db8::1", "::ffff:10.1.2.3",
            "::1", "fe80::1%eth0", "localhost", "", "10", "10.1.", "10.1.2.3:443", "s.1.2", "\u017f.1.2", "\u0130.1.2",
            "i.1.2", "\u00c9.1.2", "\u00e9.1.2", "ABC.def.1", "abc.DEF.2", "i\u0307.1.2");

    @Test
    void sameNetworkIsComparingNetworksForEveryPair() {
        for (String a : ADDRESSES) {
            for (String b : ADDRESSES) {
                assertThat(Networks.same(a, b)).as("%s ~ %s", a, b)
                        .isEqualTo(Networks.of(a).equals(Networks.of(b)));
            }
        }
        assertThat(Networks.same("2001:DB8:0:1::5", "2001:db8")).isTrue();
        assertThat(Networks.same("10.1.2.3", "10.10.2.3")).isFalse();
    }
}
