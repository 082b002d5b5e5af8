package io.gatewatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The reference pipeline and Gatewatch run in turn, round after round, over the same preloaded
 * input: on a shared machine one run's rate moves by a third between runs of the same code, so
 * a ratio is read from the means of alternating runs, with their spread beside it.
 */
final class ThroughputRounds {

    /** One round: the reference's run, then Gatewatch's. */
    record Round(ThroughputRun.Result reference, ThroughputRun.Result gatewatch) {
        double ratio() {
            return gatewatch.eventsPerSecond() / reference.eventsPerSecond();
        }
    }

    private final List<Round> rounds = new ArrayList<>();

    void add(ThroughputRun.Result reference, ThroughputRun.Result gatewatch) {
        rounds.add(new Round(reference, gatewatch));
    }

    List<Round> rounds() {
        return List.copyOf(rounds);
    }

    /** The last round, whose per-store figures the report shows. */
    Round last() {
        return rounds.get(rounds.size() - 1);
    }

    double referenceMean() {
        return mean(round -> round.reference().eventsPerSecond());
    }

    double gatewatchMean() {
        return mean(round -> round.gatewatch().eventsPerSecond());
    }

    /** Gatewatch's mean over the reference's mean. */
    double ratioOfMeans() {
        return gatewatchMean() / referenceMean();
    }

    double referenceSpread() {
        return spread(round -> round.reference().eventsPerSecond());
    }

    double gatewatchSpread() {
        return spread(round -> round.gatewatch().eventsPerSecond());
    }

    /** "43,603 / 18,810 (0.431); 36,000 / 18,993 (0.528)": each round's rates and ratio. */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (Round round : rounds) {
            text.append(text.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "%,.0f / %,.0f (%.3f)",
                    round.reference().eventsPerSecond(), round.gatewatch().eventsPerSecond(), round.ratio()));
        }
        return text.toString();
    }

    private double mean(ToDoubleFunction<Round> rate) {
        return rounds.stream().mapToDouble(rate).average().orElseThrow();
    }

    private double spread(ToDoubleFunction<Round> rate) {
        return rounds.stream().mapToDouble(rate).max().orElseThrow() - rounds.stream().mapToDouble(rate).min().orElseThrow();
    }
}
