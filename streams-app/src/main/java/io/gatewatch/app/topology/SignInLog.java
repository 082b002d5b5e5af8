package io.gatewatch.app.topology;

import io.gatewatch.diagnose.RepeatedSuccessFilter;
import io.gatewatch.diagnose.SignInSummary;
import io.gatewatch.diagnose.UserHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Users' sign-ins appended to a window store (key {@code tenant|user}, at each sign-in's time),
 * and read back as the {@link UserHistory} the diagnosis works on: the newest ones replayed in order.
 *
 * <p>Appended, not read and rewritten: keeping each user's last 30 as one value cost a read of
 * the whole value for every sign-in and a write of it for most (a quarter of the stream threads'
 * time in the bench). A repeated success is still not written: the log keeps a
 * {@link RepeatedSuccessFilter} per recent user, fed every sign-in the log sees, so a healthy
 * user's sign-ins mostly cost neither a read nor a write. While a user's filter lives, what is
 * read back is what a history fed every sign-in holds.
 *
 * <p>A filter is not seeded from the store: a user met again after a restart or once forgotten
 * starts with an empty one (reading the user's entries back cost a range scan per such user,
 * which RocksDB's bloom filters cannot spare for a new user: 13,073 instead of 18,337 events/s at
 * a million users). Its first success per app is then written even when it repeats a stored one
 * (the replay drops it again), and a success up to 15 minutes after that one may go unwritten
 * although the stored one it would repeat is older: it clears nothing, there being no checklist
 * failure since a success of the same app, so every diagnosis is the same; only the list shows
 * that app's successes to 30 minutes instead of 15 for a while.
 */
final class SignInLog {

    /** Sign-ins read back per user, newest first: a full history even after repeats written while no filter knew the user. */
    static final int READ_BACK = 2 * UserHistory.CAPACITY;

    private final WindowStore<String, SignInSummary> store;
    private final Map<String, RepeatedSuccessFilter> filters;

    /** A log over {@code store} that keeps the filters of at most {@code users} users, the least recently seen forgotten first. */
    SignInLog(WindowStore<String, SignInSummary> store, int users) {
        this.store = store;
        this.filters = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RepeatedSuccessFilter> eldest) {
                return size() > users;
            }
        };
    }

    /** Appends the sign-in unless it repeats a success the user's history holds; true when it was written. */
    boolean record(String key, SignInSummary summary) {
        if (!filters.computeIfAbsent(key, user -> new RepeatedSuccessFilter()).admits(summary)) {
            return false;
        }
        store.put(key, summary, summary.createdDateTime().toEpochMilli());
        return true;
    }

    /** Forgets every filter (a task revived after an aborted transaction: its filters saw what was rolled back). */
    void forgetFilters() {
        filters.clear();
    }

    /** A user's history as the diagnosis reads it: the newest stored sign-ins, oldest first, each once. */
    static UserHistory history(ReadOnlyWindowStore<String, SignInSummary> store, String key) {
        UserHistory history = new UserHistory();
        newestStored(store, key).forEach(history::add);
        return history;
    }

    private static List<SignInSummary> newestStored(ReadOnlyWindowStore<String, SignInSummary> store, String key) {
        List<SignInSummary> newestFirst = new ArrayList<>();
        try (WindowStoreIterator<SignInSummary> stored = store.backwardFetch(key, Instant.EPOCH,
                Instant.ofEpochMilli(Long.MAX_VALUE))) {
            while (stored.hasNext() && newestFirst.size() < READ_BACK) {
                SignInSummary summary = stored.next().value;
                if (!sameTimeAlreadyRead(newestFirst, summary)) { // a replay under at-least-once wrote it twice
                    newestFirst.add(summary);
                }
            }
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static boolean sameTimeAlreadyRead(List<SignInSummary> newestFirst, SignInSummary summary) {
        for (int i = newestFirst.size() - 1; i >= 0
                && newestFirst.get(i).createdDateTime().equals(summary.createdDateTime()); i--) {
            if (newestFirst.get(i).equals(summary)) {
                return true;
            }
        }
        return false;
    }
}
