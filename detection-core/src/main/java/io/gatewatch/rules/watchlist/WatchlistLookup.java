package io.gatewatch.rules.watchlist;

/**
 * Whether a user is on a named watchlist, asked when a rule evaluates an event rather than when it
 * is built, so that a list changed while Gatewatch runs is seen by the next event.
 */
@FunctionalInterface
public interface WatchlistLookup {

    /** No lists at all: every membership test is false, so a watchlist rule never fires. */
    WatchlistLookup NONE = (watchlist, user) -> false;

    /** @param watchlist a list's name as {@link Watchlists#name} gives it; {@code user} in any case, null for none */
    boolean contains(String watchlist, String user);

    /** False when the list has no member now: a rule then need not read the event's field at all. */
    default boolean hasMembers(String watchlist) {
        return this != NONE;
    }
}
