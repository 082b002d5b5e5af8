package io.gatewatch.generator.evaluate;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Every rule's score, with totals and the table {@code evaluate} prints. */
public record Scorecard(List<RuleScore> rules) {

    public int expected() {
        return rules.stream().mapToInt(RuleScore::expected).sum();
    }

    public int detected() {
        return rules.stream().mapToInt(RuleScore::detected).sum();
    }

    public int falsePositives() {
        return rules.stream().mapToInt(RuleScore::falsePositives).sum();
    }

    public int nearMissesFired() {
        return rules.stream().mapToInt(RuleScore::nearMissesFired).sum();
    }

    /** Detected over expected; 1.0 when nothing was expected. */
    public double recall() {
        return expected() == 0 ? 1.0 : (double) detected() / expected();
    }

    /** Writes the per-rule table as Markdown, so it can go straight into a README. */
    public void print(PrintWriter out) {
        out.println("| rule | expected | detected | missed | false positives | near misses (quiet / total) "
                + "| side effects | delay p50 | delay max |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (RuleScore score : rules) {
            out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d / %d | %d | %s | %s |%n", score.rule(),
                    score.expected(), score.detected(), score.missed(), score.falsePositives(),
                    score.nearMisses() - score.nearMissesFired(), score.nearMisses(), score.sideEffects(),
                    format(score.medianDelay()), format(score.maxDelay()));
        }
        out.printf(Locale.ROOT, "%nrecall %.3f (%d of %d scenarios), %d false positives, %d of %d near misses fired%n",
                recall(), detected(), expected(), falsePositives(), nearMissesFired(),
                rules.stream().mapToInt(RuleScore::nearMisses).sum());
        for (RuleScore score : rules) {
            if (!score.missedScenarios().isEmpty()) {
                out.println("missed " + score.rule() + " in: " + String.join(", ", score.missedScenarios()));
            }
        }
        out.flush();
    }

    private static String format(Duration delay) {
        if (delay == null) {
            return "-";
        }
        long seconds = delay.toSeconds();
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
