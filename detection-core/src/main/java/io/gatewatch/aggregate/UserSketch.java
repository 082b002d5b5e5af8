package io.gatewatch.aggregate;

/**
 * Distinct users of one breakdown row in 64 bytes: a HyperLogLog of 2^{@value #PRECISION}
 * registers, read by linear counting while most registers are empty. A row of a handful of users
 * counts them almost always exactly (two users share a register with odds 1 in 64); large counts
 * have a standard error of about 13 % ({@code 1.04 / sqrt(64)}). {@link DistinctCounter} is exact
 * to 64 users but takes a kilobyte past that: too much for each of a window's hundreds of rows.
 */
public final class UserSketch {

    static final int PRECISION = 6;
    public static final int REGISTERS = 1 << PRECISION;

    private final byte[] registers;

    public UserSketch() {
        this.registers = new byte[REGISTERS];
    }

    /** A sketch as stored ({@link #REGISTERS} registers). */
    public static UserSketch restore(byte[] registers) {
        if (registers.length != REGISTERS) {
            throw new IllegalArgumentException("a user sketch has " + REGISTERS + " registers");
        }
        UserSketch sketch = new UserSketch();
        System.arraycopy(registers, 0, sketch.registers, 0, REGISTERS);
        return sketch;
    }

    /** The register at {@code index}: 0 while no user fell into it. */
    public byte register(int index) {
        return registers[index];
    }

    /** Adds a user by its {@link DistinctCounter#hash}. */
    public void addHash(long hash) {
        int index = (int) (hash >>> (64 - PRECISION));
        int rank = Long.numberOfLeadingZeros((hash << PRECISION) | (1L << (PRECISION - 1))) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    public void merge(UserSketch other) {
        for (int i = 0; i < REGISTERS; i++) {
            registers[i] = (byte) Math.max(registers[i], other.registers[i]);
        }
    }

    public UserSketch copy() {
        return restore(registers);
    }

    public long count() {
        double sum = 0;
        int zeros = 0;
        for (byte register : registers) {
            sum += Math.pow(2, -register);
            zeros += register == 0 ? 1 : 0;
        }
        if (zeros == REGISTERS) {
            return 0;
        }
        double estimate = 0.709 * REGISTERS * REGISTERS / sum;
        if (estimate <= 2.5 * REGISTERS && zeros > 0) {
            estimate = REGISTERS * Math.log((double) REGISTERS / zeros);
        }
        return Math.max(1, Math.round(estimate));
    }
}
