package io.gatewatch.rules.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangeTest {

    @Test
    void ipv4RangeHoldsItsAddressesOnly() {
        AddressRange range = AddressRange.parse("10.0.0.0/8");

        assertThat(range.contains("10.0.0.0")).isTrue();
        assertThat(range.contains("10.255.255.255")).isTrue();
        assertThat(range.contains("11.0.0.0")).isFalse();
        assertThat(range.contains("9.255.255.255")).isFalse();
        assertThat(range.isIpv4()).isTrue();
        assertThat(range.prefixLength()).isEqualTo(8);
        assertThat(range).hasToString("10.0.0.0/8");
    }

    @Test
    void ipv4EdgeMasks() {
        AddressRange all = AddressRange.parse("0.0.0.0/0");
        assertThat(all.contains("0.0.0.0")).isTrue();
        assertThat(all.contains("255.255.255.255")).isTrue();
        assertThat(all.contains("2001:db8::1")).as("IPv4's /0 is not IPv6").isFalse();

        AddressRange one = AddressRange.parse("198.51.100.7/32");
        assertThat(one.contains("198.51.100.7")).isTrue();
        assertThat(one.contains("198.51.100.6")).isFalse();
        assertThat(one.contains("198.51.100.8")).isFalse();
        assertThat(AddressRange.parse("198.51.100.7")).as("a bare address is /32").isEqualTo(one);

        AddressRange top = AddressRange.parse("128.0.0.0/1");
        assertThat(top.contains("128.0.0.0")).isTrue();
        assertThat(top.contains("255.1.2.3")).isTrue();
        assertThat(top.contains("127.255.255.255")).isFalse();
    }

    @Test
    void ipv6RangeHoldsItsAddressesInAnySpelling() {
        AddressRange range = AddressRange.parse("2001:db8::/32");

        assertThat(range.contains("2001:db8::1")).isTrue();
        assertThat(range.contains("2001:0DB8:0000:0000:0000:0000:0000:0001")).isTrue();
        assertThat(range.contains("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(range.contains("2001:db9::")).isFalse();
        assertThat(range.contains("2001:db7:ffff::")).isFalse();
        assertThat(range.isIpv4()).isFalse();
        assertThat(range.prefixLength()).isEqualTo(32);
        assertThat(range).hasToString("2001:db8::/32");
    }

    @Test
    void ipv6EdgeMasks() {
        AddressRange all = AddressRange.parse("::/0");
        assertThat(all.contains("::")).isTrue();
        assertThat(all.contains("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(all.contains("10.1.2.3")).as("IPv6's /0 is not IPv4").isFalse();
        assertThat(all.contains("::ffff:10.1.2.3")).as("nor IPv4 mapped into IPv6").isFalse();

        AddressRange one = AddressRange.parse("2001:db8::1/128");
        assertThat(one.contains("2001:db8::1")).isTrue();
        assertThat(one.contains("2001:db8::2")).isFalse();
        assertThat(one.contains("2001:db8::")).isFalse();
        assertThat(AddressRange.parse("2001:db8::1")).as("a bare address is /128").isEqualTo(one);

        AddressRange half = AddressRange.parse("2001:db8:1:2::/64");
        assertThat(half.contains("2001:db8:1:2:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(half.contains("2001:db8:1:3::")).isFalse();
        AddressRange odd = AddressRange.parse("2001:db8:1:2:8000::/65");
        assertThat(odd.contains("2001:db8:1:2:8000::1")).isTrue();
        assertThat(odd.contains("2001:db8:1:2:7fff:ffff:ffff:ffff")).isFalse();
    }

    @Test
    void ipv4MappedAddressesAreTheirIpv4Address() {
        AddressRange corporate = AddressRange.parse("10.0.0.0/8");

        assertThat(corporate.contains("::ffff:10.1.2.3")).isTrue();
        assertThat(corporate.contains("::FFFF:a01:203")).as("hex form").isTrue();
        assertThat(corporate.contains("0:0:0:0:0:ffff:10.1.2.3")).isTrue();
        assertThat(corporate.contains("::ffff:11.1.2.3")).isFalse();
        assertThat(corporate.contains("::10.1.2.3")).as("IPv4-compatible (deprecated) is IPv6, not mapped").isFalse();

        AddressRange mapped = AddressRange.parse("::ffff:10.0.0.0/104");
        assertThat(mapped).as("a mapped range is the IPv4 range it spells").isEqualTo(corporate);
        assertThat(mapped.contains("10.200.0.1")).isTrue();
        assertThat(AddressRange.parse("::ffff:198.51.100.7")).isEqualTo(AddressRange.parse("198.51.100.7"));
    }

    @Test
    void surroundingSpaceIsIgnored() {
        assertThat(AddressRange.parse("  10.0.0.0/8 ")).isEqualTo(AddressRange.parse("10.0.0.0/8"));
        assertThat(AddressRange.parse("10.0.0.0/8").contains(" 10.0.0.1 ")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "gatewatch.invalid", "10.0.0.0/33", "2001:db8::/129",
            "10.0.0.0/", "10.0.0.0/x", "10.0.0.0/-1", "10.0.0.0/08x", "/8", "010.0.0.1", "10.0.0.01", "1.2.3", "1.2.3.4.5",
            "256.1.1.1", "1.2.3.-4", "0x0a.0.0.1", "10.0.0.0 /8", "fe80::1%eth0", "[::1]", "[2001:db8::]/32", "1::2::3",
            ":::", ":1::", "1::2:", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "g::", "::1.2.3", "1.2.3.4::",
            "::1.2.3.4:5", "1::2:3:4:5:6:7:8", "::ffff:0:0/95", "١٠.0.0.1", "１::", "10.0.0.0/8/8"})
    void anythingButALiteralAddressOrRangeIsRefused(String text) {
        assertThatThrownBy(() -> AddressRange.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowed: 10.0.0.0/8, 2001:db8::/32, or a bare address");
    }

    @Test
    void aRangeWithHostBitsSetSaysWhichRangeOrAddressWasMeant() {
        assertThatThrownBy(() -> AddressRange.parse("10.1.2.3/8"))
                .hasMessage("'10.1.2.3/8' has host bits set: the range is 10.0.0.0/8, the single address 10.1.2.3/32");
        assertThatThrownBy(() -> AddressRange.parse("2001:db8::1/32"))
                .hasMessageContaining("the range is 2001:db8::/32");
    }

    @Test
    void emptyAndLongInputIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> AddressRange.parse(" ")).hasMessageStartingWith("an empty address range");
        assertThatThrownBy(() -> AddressRange.parse(null)).hasMessageStartingWith("an empty address range");
        String longText = "x".repeat(5000);
        assertThatThrownBy(() -> AddressRange.parse(longText))
                .hasMessageStartingWith("an entry of 5000 characters is not")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    /**
     * A host name is refused at configuration and never matches an event: were it resolved,
     * "localhost" would be in 127.0.0.0/8 and a DNS answer would decide an exception.
     */
    @Test
    void aHostNameIsNeverResolved() {
        AddressRange loopback = AddressRange.parse("127.0.0.0/8");

        assertThat(loopback.contains("localhost")).isFalse();
        assertThat(loopback.contains("127.0.0.1.nip.io")).isFalse();
        assertThat(AddressRange.parse("::1/128").contains("ip6-localhost")).isFalse();
        assertThatThrownBy(() -> AddressRange.parse("localhost")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "unknown", "-", "10.0.0", "10.0.0.1.2", "10.0.0.256", "::g", "10.0.0.1/32",
            "2001:db8::/32"})
    void anEventAddressThatIsNotALiteralIsNotContained(String address) {
        assertThat(AddressRange.parse("0.0.0.0/0").contains(address)).isFalse();
        assertThat(AddressRange.parse("::/0").contains(address)).isFalse();
    }

    @Test
    void nullIsNotContained() {
        assertThat(AddressRange.parse("0.0.0.0/0").contains(null)).isFalse();
    }

    @Test
    void canonicalFormsFollowRfc5952() {
        assertThat(AddressRange.parse("2001:0db8:0000:0000:0001:0000:0000:0000/128")).as("the longest zero run")
                .hasToString("2001:db8:0:0:1::/128");
        assertThat(AddressRange.parse("2001:db8:0:0:1:0:0:1")).as("of equal runs, the first")
                .hasToString("2001:db8::1:0:0:1/128");
        assertThat(AddressRange.parse("2001:db8:0:1:1:1:1:1")).as("one zero group is not compressed")
                .hasToString("2001:db8:0:1:1:1:1:1/128");
        assertThat(AddressRange.parse("::1")).hasToString("::1/128");
        assertThat(AddressRange.parse("1::")).hasToString("1::/128");
        assertThat(AddressRange.parse("::")).hasToString("::/128");
        assertThat(AddressRange.parse("fe80::/10")).hasToString("fe80::/10");
    }

    /** Random addresses and prefixes: contains agrees with comparing the top bits as numbers. */
    @Test
    void containsIsAPrefixComparisonForRandomIpv6() {
        Random random = new Random(23);
        for (int i = 0; i < 5000; i++) {
            byte[] network = randomBytes(random, 16);
            network[0] = (byte) (network[0] | 0x20); // keep clear of ::/8 and its mapped block
            int prefix = random.nextInt(129);
            BigInteger masked = masked(new BigInteger(1, network), 128, prefix);
            AddressRange range = AddressRange.parse(ipv6Text(masked) + "/" + prefix);
            byte[] address = random.nextBoolean() ? network : randomBytes(random, 16);
            if (random.nextInt(4) == 0) {
                address = network.clone(); // one bit off the network: inside or out by where the bit is
                address[random.nextInt(16)] ^= (byte) (1 << random.nextInt(8));
            }
            BigInteger value = new BigInteger(1, address);
            boolean inside = masked(value, 128, prefix).equals(masked);
            assertThat(range.contains(ipv6Text(value))).as(range + " contains " + ipv6Text(value)).isEqualTo(inside);
            assertThat(range.contains(fullText(address))).isEqualTo(inside);
        }
    }

    @Test
    void containsIsAPrefixComparisonForRandomIpv4() throws UnknownHostException {
        Random random = new Random(8075);
        for (int i = 0; i < 5000; i++) {
            byte[] network = randomBytes(random, 4);
            int prefix = random.nextInt(33);
            BigInteger masked = masked(new BigInteger(1, network), 32, prefix);
            AddressRange range = AddressRange.parse(ipv4Text(masked) + "/" + prefix);
            byte[] address = random.nextBoolean() ? network : randomBytes(random, 4);
            BigInteger value = new BigInteger(1, address);
            boolean inside = masked(value, 32, prefix).equals(masked);
            // the JDK's text of the address (from bytes: getByAddress never looks anything up)
            String text = InetAddress.getByAddress(address).getHostAddress();
            assertThat(range.contains(text)).as(range + " contains " + text).isEqualTo(inside);
            assertThat(range.contains("::ffff:" + text)).isEqualTo(inside);
            assertThat(AddressRange.parse("::/0").contains(text)).isFalse();
        }
    }

    /** What the JDK prints for any 16 bytes, we read back to the same address (mapped ones as IPv4). */
    @Test
    void theJdksTextOfRandomAddressesReadsBack() throws UnknownHostException {
        Random random = new Random(12076);
        for (int i = 0; i < 5000; i++) {
            byte[] bytes = randomBytes(random, 16);
            if (i % 3 == 0) {
                java.util.Arrays.fill(bytes, 0, 2 + random.nextInt(12), (byte) 0);
            }
            String text = InetAddress.getByAddress(bytes).getHostAddress();
            assertThat(AddressRange.parse(text + (text.contains(":") ? "/128" : "/32")).contains(text)).as(text).isTrue();
            assertThat(AddressRange.parse(text).toString()).as(text)
                    .isEqualTo(text.contains(":") ? ipv6Text(new BigInteger(1, bytes)) + "/128" : text + "/32");
        }
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static BigInteger masked(BigInteger value, int width, int prefix) {
        BigInteger mask = prefix == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(prefix).subtract(BigInteger.ONE).shiftLeft(width - prefix);
        return value.and(mask);
    }

    private static String ipv4Text(BigInteger value) {
        long v = value.longValue();
        return (v >>> 24) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }

    /** RFC 5952 text, by the range's own printer on a /128. */
    private static String ipv6Text(BigInteger value) {
        String full = fullText(toBytes(value));
        String canonical = AddressRange.parse(full).toString();
        return canonical.substring(0, canonical.indexOf('/'));
    }

    /** All eight groups, no compression. */
    private static String fullText(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            text.append(i == 0 ? "" : ":").append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF)));
        }
        return text.toString();
    }

    private static byte[] toBytes(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[16];
        int copy = Math.min(16, raw.length);
        System.arraycopy(raw, raw.length - copy, bytes, 16 - copy, copy);
        return bytes;
    }
}
