package io.gatewatch.rules.watchlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.schema.read.JsonMappers;

/**
 * One member added to or removed from a watchlist: a record of the compacted watchlist topic. Its
 * key, {@code watchlist|user} in lower case, says which member; its value
 * ({@code {"watchlist":..., "user":..., "note":...}}) adds it, a null value (a tombstone) removes
 * it. The key alone decides, so an upsert and the tombstone that undoes it always share a key and
 * compaction keeps the right one; a value naming another member is refused rather than guessed at.
 * Messages name the part that is wrong, never a value: a user name is personal data.
 */
public record WatchlistChange(String watchlist, String user, boolean member) {

    /** The separator of a record key: never part of a list name nor of a user principal name. */
    public static final char SEPARATOR = '|';

    /** The record key of a member. */
    public static String key(String watchlist, String user) {
        return watchlist + SEPARATOR + user;
    }

    /**
     * The change one topic record makes.
     *
     * @param value the record's value as text, null for a tombstone
     * @throws IllegalArgumentException saying what is wrong, without echoing the record
     */
    public static WatchlistChange of(String key, String value) {
        int separator = key == null ? -1 : key.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("the key is not watchlist|user");
        }
        String watchlist = key.substring(0, separator);
        String user = key.substring(separator + 1);
        if (!watchlist.equals(Watchlists.name(watchlist))) {
            throw new IllegalArgumentException("the key's watchlist is not a lower-case list name (letters, digits, . _ -)");
        }
        if (!user.equals(Watchlists.user(user))) {
            throw new IllegalArgumentException("the key's user is not a lower-case user principal name (name@domain)");
        }
        if (value == null) {
            return new WatchlistChange(watchlist, user, false);
        }
        JsonNode node;
        try {
            node = JsonMappers.internal().readTree(value);
        } catch (JsonProcessingException e) {
            // the parser's own message quotes the text it choked on
            throw new IllegalArgumentException("the value is not JSON: expected {\"watchlist\",\"user\",\"note\"} or null");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the value is not a JSON object: expected {\"watchlist\",\"user\",\"note\"} or null");
        }
        agrees(node, "watchlist", watchlist);
        agrees(node, "user", user);
        return new WatchlistChange(watchlist, user, true);
    }

    private static void agrees(JsonNode value, String field, String fromKey) {
        JsonNode given = value.get(field);
        if (given != null && !given.isNull() && !given.asText().strip().equalsIgnoreCase(fromKey)) {
            throw new IllegalArgumentException("the value's " + field + " is not the key's");
        }
    }

    /** Without the user: a user name is personal data that logs must not carry. */
    @Override
    public String toString() {
        return "WatchlistChange[" + watchlist + (member ? " +1" : " -1") + "]";
    }
}
