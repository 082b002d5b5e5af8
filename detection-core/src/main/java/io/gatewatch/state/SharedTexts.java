package io.gatewatch.state;

import java.nio.charset.StandardCharsets;

/**
 * One {@code String} per text for the parts of state that repeat: a user's name, address, app
 * and place recur in most of that user's observations, and apps, browsers, places and failure
 * reasons across users. Every event brings fresh copies (parsed, lower-cased, joined) and every
 * stored value read brings more; a window or history holds dozens, and a store encodes them all
 * at each commit, touching every copy held. Sharing them keeps values to a few strings, and the
 * heap to fewer objects for the collector to move.
 *
 * <p>One fixed table of the last text seen per hash slot, for live texts ({@link #share}) and
 * texts read from stored bytes ({@link #ascii}, which makes no {@code String} for a text it holds),
 * without lock or eviction policy: threads race on a slot harmlessly (a {@code String} is
 * immutable and safely published), and a text is only ever handed out for an equal one.
 */
public final class SharedTexts {

    private static final int SLOTS = 1 << 15;
    /** Longer texts are rarely repeated, and comparing them would cost more than sharing saves. */
    private static final int MAX_LENGTH = 128;
    private static final String[] HELD = new String[SLOTS];

    private SharedTexts() {
    }

    /** {@code text}, or an equal string seen before; null for null. */
    public static String share(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return text;
        }
        int slot = slot(text.hashCode());
        String held = HELD[slot];
        if (text.equals(held)) {
            return held;
        }
        HELD[slot] = text;
        return text;
    }

    /** The text of {@code length} ASCII bytes at {@code at}: an equal string seen before when there is one. */
    public static String ascii(byte[] bytes, int at, int length) {
        if (length > MAX_LENGTH) {
            return new String(bytes, at, length, StandardCharsets.ISO_8859_1);
        }
        int hash = 0;
        for (int i = at; i < at + length; i++) {
            hash = 31 * hash + bytes[i]; // String.hashCode of the same ASCII text
        }
        int slot = slot(hash);
        String held = HELD[slot];
        if (held != null && matches(held, bytes, at, length)) {
            return held;
        }
        String made = new String(bytes, at, length, StandardCharsets.ISO_8859_1);
        HELD[slot] = made;
        return made;
    }

    private static int slot(int hash) {
        return (hash ^ hash >>> 16) & (SLOTS - 1);
    }

    private static boolean matches(String held, byte[] bytes, int at, int length) {
        if (held.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (held.charAt(i) != bytes[at + i]) {
                return false;
            }
        }
        return true;
    }
}
