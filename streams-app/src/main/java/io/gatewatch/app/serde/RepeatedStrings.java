package io.gatewatch.app.serde;

import java.nio.charset.StandardCharsets;

/**
 * The strings store values repeat thousands of times — app and resource names, browsers,
 * locations, failure reasons, observation kinds — read as one {@code String} per distinct text
 * instead of one per read. A history decoded on a cache miss is thirty sign-ins of eight strings;
 * most of them are these, and each copy was garbage the collector moved between generations while
 * the history stayed held.
 *
 * <p>A fixed table of the last string seen per hash slot: no eviction policy, no lock. Threads
 * race on a slot harmlessly — a {@code String} is immutable and safely published, and a reader
 * only takes a held one whose characters match the bytes.
 */
final class RepeatedStrings {

    static final RepeatedStrings SHARED = new RepeatedStrings(8192);

    /** Longer texts are rarely repeated; hashing and comparing them would cost more than it saves. */
    private static final int MAX_LENGTH = 128;

    private final String[] slots;

    RepeatedStrings(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two");
        }
        this.slots = new String[slots];
    }

    /** The text of {@code length} ASCII bytes at {@code at}: a held equal string when there is one. */
    String ascii(byte[] bytes, int at, int length) {
        if (length > MAX_LENGTH) {
            return new String(bytes, at, length, StandardCharsets.ISO_8859_1);
        }
        int hash = 0;
        for (int i = at; i < at + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        int slot = (hash ^ hash >>> 16) & (slots.length - 1);
        String held = slots[slot];
        if (held != null && matches(held, bytes, at, length)) {
            return held;
        }
        String made = new String(bytes, at, length, StandardCharsets.ISO_8859_1);
        slots[slot] = made;
        return made;
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
