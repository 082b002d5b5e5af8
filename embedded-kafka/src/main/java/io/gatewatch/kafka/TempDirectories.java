package io.gatewatch.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the throwaway directories of the embedded broker, the demo and the benchmark. */
public final class TempDirectories {

    private TempDirectories() {
    }

    /** Deletes a directory tree; what cannot be deleted is left (it is in the OS temp area). */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the OS temp area is cleaned eventually
        }
    }
}
