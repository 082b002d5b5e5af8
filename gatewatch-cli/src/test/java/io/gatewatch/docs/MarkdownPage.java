package io.gatewatch.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown file as the forge renders it, as far as links need: its headings' anchors (GitHub's
 * slugs) and the links in its prose. Fenced code blocks are left out of both — a YAML comment
 * there ({@code # my-rules.yaml}) is no heading — and inline code is left out of the links.
 */
final class MarkdownPage {

    /** A link as written: the line it is on and its target ({@code path}, {@code path#anchor} or {@code #anchor}). */
    record Link(int line, String target) {
    }

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern LINK_SYNTAX = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    /** What GitHub drops from a heading to make its anchor: everything but letters, digits, '_', '-' and spaces. */
    private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

    private final Path file;
    private final List<String> headings = new ArrayList<>();
    private final Set<String> anchors = new LinkedHashSet<>();
    private final List<Link> links = new ArrayList<>();

    private MarkdownPage(Path file, List<String> lines) {
        this.file = file;
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                headings.add(heading.group(1));
                String slug = slug(heading.group(1));
                int earlier = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(earlier == 0 ? slug : slug + "-" + earlier);
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
            Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
            while (link.find()) {
                links.add(new Link(i + 1, link.group(1)));
            }
        }
    }

    static MarkdownPage read(Path file) {
        try {
            return new MarkdownPage(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GitHub's anchor for a heading: link text kept, lower case, punctuation dropped, each space a hyphen. */
    static String slug(String heading) {
        String text = LINK_SYNTAX.matcher(heading).replaceAll("$1");
        return NOT_IN_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
    }

    Path file() {
        return file;
    }

    /** The headings' text, in order. */
    List<String> headings() {
        return headings;
    }

    boolean hasAnchor(String anchor) {
        return anchors.contains(anchor);
    }

    List<Link> links() {
        return links;
    }
}
