package io.gatewatch.app.api;

/** An answer other than 200, with a message safe to show (no user data). */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
