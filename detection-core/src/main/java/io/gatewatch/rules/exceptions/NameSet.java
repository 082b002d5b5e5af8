package io.gatewatch.rules.exceptions;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names matched ignoring case (user principal names, app ids and display names) without
 * allocating: an open-addressing table hashed on case-folded characters, compared with
 * {@link String#equalsIgnoreCase}, so a look-up neither lower-cases nor copies the event's text.
 */
final class NameSet {

    static final NameSet EMPTY = new NameSet(List.of());

    private final String[] table;
    private final int mask;
    private final List<String> names;

    NameSet(Collection<String> given) {
        Set<String> folded = new LinkedHashSet<>();
        List<String> kept = new java.util.ArrayList<>();
        for (String name : given) {
            if (folded.add(name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT))) {
                kept.add(name);
            }
        }
        names = List.copyOf(kept);
        int capacity = Integer.highestOneBit(Math.max(1, names.size() * 2 + 1)) << 1; // load <= 1/2
        table = new String[names.isEmpty() ? 0 : capacity];
        mask = table.length - 1;
        for (String name : names) {
            int slot = hash(name) & mask;
            while (table[slot] != null) {
                if (table[slot].equalsIgnoreCase(name)) {
                    break;
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = name;
        }
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** The names as given, first spelling of each kept. */
    List<String> names() {
        return names;
    }

    boolean contains(String name) {
        if (table.length == 0 || name == null) {
            return false;
        }
        int slot = hash(name) & mask;
        String entry;
        while ((entry = table[slot]) != null) {
            if (entry.length() == name.length() && entry.equalsIgnoreCase(name)) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    /**
     * Agrees with equalsIgnoreCase: two strings it calls equal fold every code point alike
     * (upper then lower case, as it compares), so they hash alike.
     */
    static int hash(String name) {
        int h = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            h = 31 * h + Character.toLowerCase(Character.toUpperCase(codePoint));
            i += Character.charCount(codePoint);
        }
        return h ^ (h >>> 16);
    }
}
