package io.gatewatch.rules.exceptions;

import java.util.List;

/**
 * Address ranges matched together: the event's address is read once, on the stack, then held
 * against every range's pre-computed network and mask (two 64-bit ANDs a range). A linear scan:
 * exception lists are corporate egress and named locations, tens of ranges, not a routing table.
 */
final class AddressSet implements IpLiteral.Sink {

    static final AddressSet EMPTY = new AddressSet(List.of());

    private final boolean[] ipv4;
    private final long[] high;
    private final long[] low;
    private final long[] maskHigh;
    private final long[] maskLow;

    AddressSet(List<AddressRange> ranges) {
        int n = ranges.size();
        ipv4 = new boolean[n];
        high = new long[n];
        low = new long[n];
        maskHigh = new long[n];
        maskLow = new long[n];
        for (int i = 0; i < n; i++) {
            AddressRange range = ranges.get(i);
            ipv4[i] = range.isIpv4();
            high[i] = range.networkHigh();
            low[i] = range.networkLow();
            maskHigh[i] = range.maskHigh();
            maskLow[i] = range.maskLow();
        }
    }

    boolean isEmpty() {
        return ipv4.length == 0;
    }

    /** Whether the address literal is in any range; false for anything that is not a literal. */
    boolean contains(String address) {
        return ipv4.length != 0 && IpLiteral.read(address, this);
    }

    @Override
    public boolean accept(boolean isIpv4, long addressHigh, long addressLow) {
        for (int i = 0; i < ipv4.length; i++) {
            if (ipv4[i] == isIpv4 && (addressHigh & maskHigh[i]) == high[i] && (addressLow & maskLow[i]) == low[i]) {
                return true;
            }
        }
        return false;
    }
}
