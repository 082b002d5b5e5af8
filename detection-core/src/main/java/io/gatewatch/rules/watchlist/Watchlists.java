package io.gatewatch.rules.watchlist;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Named lists of user principal names — privileged accounts, break-glass accounts — kept lower-cased.
 * One writer (the loader of the files, then the streaming app's watchlist-topic processor) and many
 * readers (the stream threads' rules): every map and set is concurrent, so a reader never locks and
 * sees a change as soon as it is made, and an update costs one member, never a copy of the list.
 */
public final class Watchlists implements WatchlistLookup {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** No lists, and none can be added: the lists of settings that were given none. */
    public static final Watchlists NONE = new Watchlists(true);

    private final Map<String, Set<String>> lists = new ConcurrentHashMap<>();
    private final boolean readOnly;

    /** Empty lists to fill. */
    public Watchlists() {
        this(false);
    }

    private Watchlists(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /**
     * A watchlist's name as lists are kept by it: lower-cased, letters, digits, '.', '_' and '-',
     * starting with a letter or digit (privileged, break-glass); null when {@code given} is not one.
     */
    public static String name(String given) {
        if (given == null) {
            return null;
        }
        String name = given.strip().toLowerCase(Locale.ROOT);
        return NAME.matcher(name).matches() ? name : null;
    }

    /** A user principal name as lists keep it, or null when {@code given} does not look like one (name@domain). */
    public static String user(String given) {
        if (given == null) {
            return null;
        }
        String user = given.strip().toLowerCase(Locale.ROOT);
        int at = user.indexOf('@');
        return at > 0 && at < user.length() - 1 && user.chars().noneMatch(Character::isWhitespace) ? user : null;
    }

    @Override
    public boolean hasMembers(String watchlist) {
        Set<String> members = lists.get(watchlist);
        return members != null && !members.isEmpty();
    }

    @Override
    public boolean contains(String watchlist, String user) {
        if (user == null) {
            return false;
        }
        Set<String> members = lists.get(watchlist);
        // toLowerCase returns the same string when it is lower case already: no allocation per event
        return members != null && members.contains(user.toLowerCase(Locale.ROOT));
    }

    /** Adds a member; {@code watchlist} and {@code user} as {@link #name} and {@link #user} give them. */
    public void add(String watchlist, String user) {
        writable();
        lists.computeIfAbsent(watchlist, name -> ConcurrentHashMap.newKeySet()).add(user);
    }

    /** Removes a member, if it is one. An emptied list stays, empty: a list is never half-removed under a reader. */
    public void remove(String watchlist, String user) {
        writable();
        Set<String> members = lists.get(watchlist);
        if (members != null) {
            members.remove(user);
        }
    }

    /** Applies one change: an upsert adds the member, a removal removes it. */
    public void apply(WatchlistChange change) {
        if (change.member()) {
            add(change.watchlist(), change.user());
        } else {
            remove(change.watchlist(), change.user());
        }
    }

    /** How many members a list has (0 for a list there is not). */
    public int size(String watchlist) {
        Set<String> members = lists.get(watchlist);
        return members == null ? 0 : members.size();
    }

    /** The names of the lists that have members, sorted. */
    public SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>();
        lists.forEach((name, members) -> {
            if (!members.isEmpty()) {
                names.add(name);
            }
        });
        return names;
    }

    /** A copy to change: what a running topology starts from, the files it was configured with. */
    public Watchlists copy() {
        return copyInto(new Watchlists(false));
    }

    /** A copy no one can change, for settings that are shared. */
    public Watchlists readOnly() {
        return copyInto(new Watchlists(true));
    }

    private Watchlists copyInto(Watchlists copy) {
        lists.forEach((name, members) -> {
            Set<String> copied = ConcurrentHashMap.newKeySet();
            copied.addAll(members);
            copy.lists.put(name, copied);
        });
        return copy;
    }

    private void writable() {
        if (readOnly) {
            throw new IllegalStateException("these watchlists are read-only: change a copy()");
        }
    }

    /** Counts only: members are user principal names, personal data that logs must not carry. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Watchlists");
        text.append(names().stream().map(name -> name + "=" + size(name)).toList());
        return text.toString();
    }
}
