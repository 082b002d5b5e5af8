package io.gatewatch.app.topology;

import io.gatewatch.schema.InputEvent;

/** The ingest stage's output per event: the event, or the raw input and why it was refused. */
record Decoded(InputEvent event, byte[] raw) {

    boolean readable() {
        return event != null;
    }
}
