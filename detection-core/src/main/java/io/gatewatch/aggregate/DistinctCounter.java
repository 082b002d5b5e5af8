package io.gatewatch.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Counts distinct values in little space: exactly up to {@link #EXACT_LIMIT} values (kept as sorted
 * 64-bit hashes), then as a HyperLogLog of 2^{@value #PRECISION} one-byte registers (about 3 %
 * standard error). Admins need "3 users locked out" exactly and "about 4 000" roughly; and the
 * window aggregate is serialized on every update, so its size is the hot path's cost.
 */
public final class DistinctCounter {

    static final int EXACT_LIMIT = 64;
    static final int PRECISION = 10;
    private static final int REGISTERS = 1 << PRECISION;

    /** Sorted hashes while exact; null once switched to registers. */
    private long[] hashes = new long[0];
    private byte[] registers;

    /** A counter as stored: its exact hashes, or its HyperLogLog registers. */
    public static DistinctCounter restore(long[] hashes, byte[] registers) {
        DistinctCounter counter = new DistinctCounter();
        counter.hashes = registers == null ? hashes.clone() : null;
        counter.registers = registers == null ? null : registers.clone();
        return counter;
    }

    /** True once past {@link #EXACT_LIMIT} values: the count is an estimate. */
    public boolean estimated() {
        return registers != null;
    }

    /** The sorted hashes while exact (a copy). */
    public long[] hashes() {
        return hashes == null ? null : hashes.clone();
    }

    /** The HyperLogLog registers once estimated (a copy). */
    public byte[] registers() {
        return registers == null ? null : registers.clone();
    }

    public void add(String value) {
        addHash(hash(value));
    }

    /** Adds a value by its {@link #hash}. */
    void addHash(long hash) {
        if (registers == null) {
            int at = Arrays.binarySearch(hashes, hash);
            if (at >= 0) {
                return;
            }
            int insert = -at - 1;
            long[] grown = new long[hashes.length + 1];
            System.arraycopy(hashes, 0, grown, 0, insert);
            grown[insert] = hash;
            System.arraycopy(hashes, insert, grown, insert + 1, hashes.length - insert);
            hashes = grown;
            if (hashes.length > EXACT_LIMIT) {
                toRegisters();
            }
            return;
        }
        offer(hash);
    }

    /** Adds every value {@code other} counted: exact while the union fits, else register-wise maximum. */
    public void merge(DistinctCounter other) {
        if (other.registers == null) {
            for (long hash : other.hashes) {
                addHash(hash);
            }
            return;
        }
        if (registers == null) {
            toRegisters();
        }
        for (int i = 0; i < REGISTERS; i++) {
            registers[i] = (byte) Math.max(registers[i], other.registers[i]);
        }
    }

    public long count() {
        if (registers == null) {
            return hashes.length;
        }
        double sum = 0;
        int zeros = 0;
        for (byte register : registers) {
            sum += Math.pow(2, -register);
            zeros += register == 0 ? 1 : 0;
        }
        double alpha = 0.7213 / (1 + 1.079 / REGISTERS);
        double estimate = alpha * REGISTERS * REGISTERS / sum;
        if (estimate <= 2.5 * REGISTERS && zeros > 0) {
            estimate = REGISTERS * Math.log((double) REGISTERS / zeros);
        }
        return Math.round(estimate);
    }

    private void toRegisters() {
        registers = new byte[REGISTERS];
        for (long h : hashes) {
            offer(h);
        }
        hashes = null;
    }

    private void offer(long hash) {
        int index = (int) (hash >>> (64 - PRECISION));
        int rank = Long.numberOfLeadingZeros((hash << PRECISION) | (1L << (PRECISION - 1))) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    /** 64-bit FNV-1a, then a murmur finalizer so every bit is mixed; also the offline de-duplication key. */
    public static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
