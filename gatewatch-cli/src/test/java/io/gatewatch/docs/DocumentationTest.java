package io.gatewatch.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README, docs/ and CHANGELOG.md as a reader on the forge meets them: every relative link opens
 * a file that exists and every {@code #anchor} lands on a heading; every "DESIGN §N" the sources
 * cite is a section of docs/architecture.md; the README stays a front door; no page but the
 * changelog tells development history ({@link HistoryPhrases}).
 */
class DocumentationTest {

    private static final Path ROOT = RepositoryRoot.find();
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", "node_modules");
    private static final Pattern DESIGN_CITATION = Pattern.compile("DESIGN §(\\d+)");
    private static final Pattern NUMBERED_SECTION = Pattern.compile("^§(\\d+)\\b");

    @Test
    void everyRelativeLinkOpensAFileAndEveryAnchorAHeading() {
        List<String> broken = new ArrayList<>();
        List<MarkdownPage> pages = new ArrayList<>(pages());
        pages.add(MarkdownPage.read(ROOT.resolve("CHANGELOG.md")));
        for (MarkdownPage page : pages) {
            for (MarkdownPage.Link link : page.links()) {
                String problem = problemWith(page, link.target());
                if (problem != null) {
                    broken.add(ROOT.relativize(page.file()) + ":" + link.line() + ": " + link.target() + ": " + problem);
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void everyDesignCitationInTheSourcesIsASectionOfTheArchitecturePage() throws IOException {
        Set<String> sections = new TreeSet<>();
        for (String heading : MarkdownPage.read(ROOT.resolve("docs/architecture.md")).headings()) {
            Matcher numbered = NUMBERED_SECTION.matcher(heading);
            if (numbered.find()) {
                sections.add(numbered.group(1));
            }
        }
        List<String> citations = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (Path file : sourcesAndPages()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher citation = DESIGN_CITATION.matcher(lines.get(i));
                while (citation.find()) {
                    String where = ROOT.relativize(file) + ":" + (i + 1) + ": DESIGN §" + citation.group(1);
                    citations.add(where);
                    if (!sections.contains(citation.group(1))) {
                        unresolved.add(where);
                    }
                }
            }
        }
        assertThat(citations).as("the sources cite the design (else this walk found no sources)").isNotEmpty();
        assertThat(unresolved).as("citations without a '## §N' section in docs/architecture.md " + sections).isEmpty();
    }

    @Test
    void theReadmeIsAFrontDoorOfAtMost300Lines() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThanOrEqualTo(300);
    }

    @Test
    void noPageTellsDevelopmentHistory() throws IOException {
        List<String> found = new ArrayList<>();
        for (MarkdownPage page : pages()) {
            List<String> lines = Files.readAllLines(page.file());
            for (int i = 0; i < lines.size(); i++) {
                for (String phrase : HistoryPhrases.in(lines.get(i))) {
                    found.add(ROOT.relativize(page.file()) + ":" + (i + 1) + ": \"" + phrase + "\"");
                }
            }
        }
        assertThat(found).as("development history in README or docs (it belongs in git and CHANGELOG.md)").isEmpty();
    }

    @Test
    void anchorsAreGitHubSlugs() {
        assertThat(MarkdownPage.slug("§2 Modules and data flow")).isEqualTo("2-modules-and-data-flow");
        assertThat(MarkdownPage.slug("Parse + classify: `./gatewatch bench-classifier`"))
                .isEqualTo("parse--classify-gatewatch-bench-classifier");
        assertThat(MarkdownPage.slug("Where to add …")).isEqualTo("where-to-add-");
        assertThat(MarkdownPage.slug("Severity, ATT&CK ids and [false positives](x.md)"))
                .isEqualTo("severity-attck-ids-and-false-positives");
        assertThat(MarkdownPage.slug("snake_case Heading")).isEqualTo("snake_case-heading");
    }

    /** Null when the link resolves, else why not. */
    private static String problemWith(MarkdownPage page, String target) {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return null; // https:, mailto: ... : not this repository's to check
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path file = path.isEmpty() ? page.file() : page.file().getParent().resolve(path).normalize();
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (anchor != null && file.toString().endsWith(".md") && !MarkdownPage.read(file).hasAnchor(anchor)) {
            return "no heading with this anchor";
        }
        return null;
    }

    private static List<MarkdownPage> pages() {
        List<MarkdownPage> pages = new ArrayList<>();
        pages.add(MarkdownPage.read(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().map(MarkdownPage::read).forEach(pages::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return pages;
    }

    /** Every .java and .md file of the repository, build output and git's own files skipped. */
    private static List<Path> sourcesAndPages() throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return SKIPPED_DIRECTORIES.contains(name) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                if (attributes.isRegularFile() && (name.endsWith(".java") || name.endsWith(".md"))) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }
}
