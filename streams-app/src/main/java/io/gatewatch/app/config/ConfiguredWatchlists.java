package io.gatewatch.app.config;

import io.gatewatch.rules.watchlist.WatchlistFile;
import io.gatewatch.rules.watchlist.Watchlists;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The watchlists a configuration names in {@code watchlists.files}, read when it is loaded so that a
 * bad file stops {@code run} before the broker, like a bad rule file. Read-only: every topology built
 * from the configuration starts from a copy, which its watchlist topic then changes.
 */
final class ConfiguredWatchlists {

    private ConfiguredWatchlists() {
    }

    /** The lists of the comma-separated {@code files}; none when the key is not given or a file is bad (a problem of {@code key}). */
    static Watchlists read(ConfigValues read, String key, String files) {
        if (files == null || files.isBlank()) {
            return Watchlists.NONE;
        }
        try {
            return WatchlistFile.read(Arrays.stream(files.split(",")).map(String::strip).filter(f -> !f.isEmpty())
                    .map(Path::of).toList()).readOnly();
        } catch (IllegalArgumentException e) {
            read.problem(key, key + ": " + e.getMessage()); // file, line and column; never a user name
            return Watchlists.NONE;
        }
    }
}
