package io.gatewatch.app.state;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap one store (all its tasks, on every stream thread of the instance) may spend on values
 * held decoded. Shares are cut from the instance's {@code state.decoded-memory.bytes} per store,
 * not pooled: a store of small hot values (a tenant's minute) must not be starved by one of large
 * values (a user's history). The tasks of one store see the same traffic, so they share fairly.
 */
public final class DecodedMemory {

    private final long limitBytes;
    private final AtomicLong usedBytes = new AtomicLong();

    public DecodedMemory(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** A store's own budget: this fraction of this one's limit. */
    public DecodedMemory share(double fraction) {
        return new DecodedMemory((long) (limitBytes * fraction));
    }

    void add(long bytes) {
        usedBytes.addAndGet(bytes);
    }

    boolean over() {
        return usedBytes.get() > limitBytes;
    }

    public long usedBytes() {
        return usedBytes.get();
    }

    public long limitBytes() {
        return limitBytes;
    }
}
