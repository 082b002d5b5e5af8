package io.gatewatch.app.config;

import java.util.Locale;

/**
 * How alerts are written ({@code alerts.format}): Gatewatch's own JSON on {@code topic.alerts},
 * OCSF Detection Findings on {@code topic.alerts-ocsf}, or both side by side.
 */
public enum AlertFormat {
    GATEWATCH(true, false),
    OCSF(false, true),
    BOTH(true, true);

    private final boolean gatewatch;
    private final boolean ocsf;

    AlertFormat(boolean gatewatch, boolean ocsf) {
        this.gatewatch = gatewatch;
        this.ocsf = ocsf;
    }

    public boolean gatewatch() {
        return gatewatch;
    }

    public boolean ocsf() {
        return ocsf;
    }

    static AlertFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("alerts.format must be gatewatch, ocsf or both, was '" + value + "'");
        }
    }
}
