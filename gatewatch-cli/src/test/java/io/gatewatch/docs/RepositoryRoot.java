package io.gatewatch.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's root directory, for tests that read or write files a user sees there (README,
 * docs/): the nearest directory above the working directory whose pom.xml lists the modules.
 * Maven runs each module's tests in the module's directory, so the walk is one step there, and it
 * still works from the root itself or from an IDE started elsewhere in the tree.
 */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    public static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && listsModules(pom)) {
                return dir;
            }
        }
        throw new IllegalStateException("no pom.xml with <modules> in " + start + " or above it");
    }

    private static boolean listsModules(Path pom) {
        try {
            return Files.readString(pom).contains("<modules>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
