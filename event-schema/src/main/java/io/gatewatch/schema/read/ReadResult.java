package io.gatewatch.schema.read;

import io.gatewatch.schema.InputEvent;

/** What reading one record gave: an event, or the reason it could not be read. */
public sealed interface ReadResult {

    /** Where the record was, e.g. {@code line 12} or {@code line 1, record 3}. */
    String position();

    record Read(String position, InputEvent event) implements ReadResult {
    }

    record Unreadable(String position, String reason) implements ReadResult {
    }
}
