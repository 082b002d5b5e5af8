package io.gatewatch.detect;


/**
 * Offline de-duplication in bounded memory: the 64-bit hash of every id seen with the second of
 * event time it was seen at, in one open-addressing table of primitive longs (16 bytes an id, no
 * objects), forgetting seconds that fell the horizon behind stream time — as the streaming dedup
 * store's retention does. An event is a duplicate when the same id was seen at the same second.
 */
final class RecentIds {

    private static final long EMPTY = 0L;
    private final long horizonMs;
    private long[] keys = new long[1 << 16];
    private long[] times = new long[1 << 16];
    private int size;
    private long streamTime = Long.MIN_VALUE;
    private long lastPurge = Long.MIN_VALUE;

    RecentIds(long horizonMs) {
        this.horizonMs = horizonMs;
    }

    /** True when {@code hash} was seen at the second of {@code timeMs}, still in the horizon; otherwise remembers it. */
    boolean seen(long hash, long timeMs) {
        long second = DedupIdentity.secondOf(timeMs);
        streamTime = Math.max(streamTime, timeMs);
        boolean live = second > streamTime - horizonMs; // the streaming store neither finds nor keeps older ones
        long key = keyOf(hash, second);
        int slot = find(key);
        if (keys[slot] == key) {
            return live;
        }
        if (!live) {
            return false;
        }
        keys[slot] = key;
        times[slot] = second;
        size++;
        if (size * 2 > keys.length || streamTime - lastPurge > horizonMs / 4) {
            rebuild();
        }
        return false;
    }

    private static long keyOf(long hash, long second) {
        long key = hash ^ (second * 0x9E3779B97F4A7C15L);
        return key == EMPTY ? 1 : key;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Drops what fell out of retention, and grows the table when live ids still fill half of it. */
    private void rebuild() {
        lastPurge = streamTime;
        long oldest = streamTime - horizonMs + 1;
        long[] oldKeys = keys;
        long[] oldTimes = times;
        int live = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldTimes[i] >= oldest) {
                live++;
            }
        }
        int capacity = Math.max(1 << 16, Integer.highestOneBit(Math.max(live, 1) * 4));
        keys = new long[capacity];
        times = new long[capacity];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldTimes[i] >= oldest) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                times[slot] = oldTimes[i];
                size++;
            }
        }
    }
}
