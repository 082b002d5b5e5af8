package io.gatewatch.schema.read;

/**
 * A record that cannot be read. The message names the reason only, never the payload: sign-in
 * records carry user principal names and IP addresses, and messages end up in logs.
 */
public final class UnreadableRecordException extends Exception {

    public UnreadableRecordException(String reason) {
        super(reason, null, false, false);
    }
}
