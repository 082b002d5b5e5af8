package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;

/**
 * When an entity was first seen within a rule's look-back, kept in one {@code since} observation
 * of its window that moves with the newest event (so it lasts while the entity is active) and
 * carries the first time in its location slot. New-terms rules wait until an entity has been
 * seen for their history before a new value alerts: a user's first weeks are learning.
 */
final class FirstSeen {

    static final String KIND = "since";

    private FirstSeen() {
    }

    /** Records an event at {@code timeMs}; returns the entity's first sighting, this one included. */
    static long update(EntityWindow window, long timeMs, long windowMs, int cap) {
        Observation since = window.of(KIND).stream().findFirst().orElse(null);
        long first = since == null ? timeMs : Math.min(Long.parseLong(since.location()), timeMs);
        long stamp = since == null ? timeMs : Math.max(since.timeMs(), timeMs);
        Observation anchor = new Observation(stamp, KIND, null, null, null, String.valueOf(first), null);
        window.add(anchor, windowMs, cap);
        window.dropEarlier(anchor, Observation::kind);
        return first;
    }
}
