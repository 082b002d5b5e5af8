package io.gatewatch.detect;


/**
 * Offline de-duplication in bounded memory: the 64-bit hash of every id seen and when, in one
 * open-addressing table of primitive longs (16 bytes an id, no objects), forgetting ids older than
 * twice the horizon behind stream time — as the streaming dedup store's retention does. An id is
 * a duplicate when it was seen within the horizon either side of the event's time.
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

    /** True when {@code hash} was seen within the horizon of {@code timeMs}; otherwise remembers it. */
    boolean seen(long hash, long timeMs) {
        long key = hash == EMPTY ? 1 : hash;
        streamTime = Math.max(streamTime, timeMs);
        int slot = find(key);
        if (keys[slot] == key && Math.abs(times[slot] - timeMs) <= horizonMs) {
            return true;
        }
        if (keys[slot] != key) {
            keys[slot] = key;
            size++;
        }
        times[slot] = timeMs;
        if (size * 2 > keys.length || streamTime - lastPurge > horizonMs / 4) {
            rebuild();
        }
        return false;
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
        long oldest = streamTime - 2 * horizonMs;
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
