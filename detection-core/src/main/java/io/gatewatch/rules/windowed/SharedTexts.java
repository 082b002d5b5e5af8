package io.gatewatch.rules.windowed;

/**
 * One {@code String} per text for the parts of observations that repeat — a user's name, address,
 * app and place are the same in most of that user's observations, and apps and places across
 * users. Every event brings fresh copies (parsed, lower-cased, joined); a window holds up to its
 * cap of observations and the store encodes them all at each commit, touching every copy held.
 * Sharing them keeps a window to a few strings, and the heap to fewer objects.
 *
 * <p>A fixed table of the last text seen per hash slot, without lock or eviction policy: threads
 * race on a slot harmlessly (a {@code String} is immutable and safely published), and a text is
 * only ever replaced by an equal one.
 */
final class SharedTexts {

    private static final int SLOTS = 1 << 15;
    /** Longer texts are rarely repeated, and comparing them would cost more than sharing saves. */
    private static final int MAX_LENGTH = 128;
    private static final String[] HELD = new String[SLOTS];

    private SharedTexts() {
    }

    /** {@code text}, or an equal string seen before; null for null. */
    static String share(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return text;
        }
        int hash = text.hashCode();
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        String held = HELD[slot];
        if (text.equals(held)) {
            return held;
        }
        HELD[slot] = text;
        return text;
    }
}
