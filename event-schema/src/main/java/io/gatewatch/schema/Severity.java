package io.gatewatch.schema;

/** Ordered from least to most urgent, so {@code compareTo} ranks them. */
public enum Severity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
