package io.gatewatch.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Phrases that tell how the project was made rather than what it is: who ran what when, what was
 * tried, which commit. That lives in git and CHANGELOG.md; a page states what is true now and which
 * test or benchmark shows it.
 */
final class HistoryPhrases {

    private static final List<Pattern> PHRASES = Stream.of("\\bthis session\\b", "\\bthe session before\\b",
            "\\b(previous|last|earlier) session\\b", "\\bstep \\d+\\b", "\\bat commit\\b", "\\bwas tried\\b",
            "\\bearlier measurement\\b", "\\bin the order (measured|run)\\b", "\\bround \\d+\\b", "\\bearlier rounds?\\b",
            "\\bone sitting\\b", "\\btried and not kept\\b", "\\bfound while building\\b", "\\bwas once timed\\b",
            "\\bruns here\\b",
            // a commit of this repository (`731b938`): hex with a letter and a digit, so `134217728` is no hash;
            // another repository's pinned version (`owner/repo` @ `14cf530`) is a citation and stays
            "(?<!@ )`(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,40}`")
            .map(regex -> Pattern.compile(regex, Pattern.CASE_INSENSITIVE)).toList();

    private HistoryPhrases() {
    }

    /** Every history phrase in the line, as written there; empty when it has none. */
    static List<String> in(String line) {
        List<String> found = new ArrayList<>();
        for (Pattern phrase : PHRASES) {
            Matcher match = phrase.matcher(line);
            while (match.find()) {
                found.add(match.group());
            }
        }
        return found;
    }
}
