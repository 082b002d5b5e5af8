package io.gatewatch.aggregate;

/**
 * One value of a dimension in a tenant window, and its counts. {@code failures} is exact when
 * {@code error} is 0; otherwise the true count lies between {@code failures - error} and
 * {@code failures} ({@link DimensionSummary}). {@code users} counts the distinct users among the
 * failures ({@link UserSketch}); null while the value has none.
 */
public final class BreakdownRow {

    private final String value;
    long signIns;
    long failures;
    long error;
    UserSketch users;

    BreakdownRow(String value) {
        this.value = value;
    }

    /** A row as stored. */
    public static BreakdownRow restore(String value, long signIns, long failures, long error, UserSketch users) {
        BreakdownRow row = new BreakdownRow(value);
        row.signIns = signIns;
        row.failures = failures;
        row.error = error;
        row.users = users;
        return row;
    }

    public String value() {
        return value;
    }

    public long signIns() {
        return signIns;
    }

    public long failures() {
        return failures;
    }

    /** How much {@link #failures()} may exceed the true count: 0 when exact. */
    public long error() {
        return error;
    }

    /** The failing users' sketch, or null when none failed. */
    public UserSketch users() {
        return users;
    }

    /** The distinct failing users, estimated. */
    public long distinctUsers() {
        return users == null ? 0 : users.count();
    }

    void addUser(long hash) {
        if (users == null) {
            users = new UserSketch();
        }
        users.addHash(hash);
    }

    void addUsers(UserSketch other) {
        if (other != null) {
            if (users == null) {
                users = other.copy();
            } else {
                users.merge(other);
            }
        }
    }

    BreakdownRow copy() {
        return restore(value, signIns, failures, error, users == null ? null : users.copy());
    }
}
