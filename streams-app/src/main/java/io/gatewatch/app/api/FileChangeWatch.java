package io.gatewatch.app.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Tells whether a file changed since the last look — its modification time, size or identity (a
 * file renamed over it) differ — looking at most once per interval, so that asking on every
 * request costs a clock read. No WatchService: no thread to manage, and it works where file
 * events do not arrive (network and container-mounted file systems).
 */
final class FileChangeWatch {

    private record Look(Object fileKey, long modifiedMillis, long size) {
        static final Look MISSING = new Look(null, -1, -1);
    }

    private final Path file;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long nextLook;
    private Look last;

    FileChangeWatch(Path file, Duration interval, LongSupplier nanoClock) {
        this.file = file;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.nextLook = nanoClock.getAsLong() + intervalNanos;
        this.last = look();
    }

    Path file() {
        return file;
    }

    /** True once per change, on the first look after it; false between looks. */
    synchronized boolean changed() {
        long now = nanoClock.getAsLong();
        if (now - nextLook < 0) {
            return false;
        }
        nextLook = now + intervalNanos;
        Look current = look();
        boolean changed = !current.equals(last);
        last = current;
        return changed;
    }

    private Look look() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Look(Objects.requireNonNullElse(attributes.fileKey(), file),
                    attributes.lastModifiedTime().toMillis(), attributes.size());
        } catch (IOException e) {
            return Look.MISSING; // gone or unreadable: a change once, then quiet until it is back
        }
    }
}
