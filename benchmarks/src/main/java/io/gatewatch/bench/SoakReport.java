package io.gatewatch.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.schema.read.JsonMappers;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * What a soak run shows: each measure at the end of the first half and of the second, so a reader
 * sees at once whether it kept rising (a leak) or levelled off (bounded), and the whole series.
 */
final class SoakReport {

    private SoakReport() {
    }

    /** Lag past a minute of input at the end: the app fell behind for good. */
    static boolean fellBehind(SoakRun.Result result) {
        List<SoakRun.Sample> samples = result.samples();
        return samples.isEmpty() || samples.get(samples.size() - 1).lag() > result.rate() * 60L;
    }

    static String table(SoakRun.Result result) {
        List<SoakRun.Sample> samples = result.samples();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """

                | measure (Gatewatch's own JVM, -Xmx1g) | at minute %d | at minute %d | highest |
                |---|---|---|---|
                """, half(samples).minute(), last(samples).minute()));
        row(text, samples, "heap after a full collection (live data), MiB", s -> s.liveHeapBytes() >> 20);
        row(text, samples, "heap in use, MiB", s -> s.heapBytes() >> 20);
        row(text, samples, "resident set size, MiB", s -> s.rssBytes() >> 20);
        row(text, samples, "state directory, MiB", s -> s.stateBytes() >> 20);
        row(text, samples, "consumer lag, records", SoakRun.Sample::lag);
        text.append(String.format(Locale.ROOT, "%n%,d events/s for %d minutes%s%n", result.rate(), samples.size(),
                result.died() ? "; the app DIED" : fellBehind(result) ? "; the app FELL BEHIND" : ""));
        return text.toString();
    }

    static ObjectNode json(SoakRun.Result result) {
        ObjectNode json = JsonMappers.internal().createObjectNode();
        json.put("rate", result.rate());
        json.put("died", result.died());
        json.put("fellBehind", fellBehind(result));
        ArrayNode series = json.putArray("samples");
        for (SoakRun.Sample s : result.samples()) {
            series.addObject().put("minute", s.minute()).put("sent", s.sent()).put("lag", s.lag())
                    .put("heapBytes", s.heapBytes()).put("liveHeapBytes", s.liveHeapBytes())
                    .put("rssBytes", s.rssBytes()).put("stateBytes", s.stateBytes());
        }
        return json;
    }

    private static void row(StringBuilder text, List<SoakRun.Sample> samples, String name,
                            ToLongFunction<SoakRun.Sample> measure) {
        long highest = samples.stream().mapToLong(measure).max().orElse(0);
        text.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d |%n", name, measure.applyAsLong(half(samples)),
                measure.applyAsLong(last(samples)), highest));
    }

    private static SoakRun.Sample half(List<SoakRun.Sample> samples) {
        return samples.isEmpty() ? new SoakRun.Sample(0, 0, 0, 0, 0, 0, 0) : samples.get((samples.size() - 1) / 2);
    }

    private static SoakRun.Sample last(List<SoakRun.Sample> samples) {
        return samples.isEmpty() ? new SoakRun.Sample(0, 0, 0, 0, 0, 0, 0) : samples.get(samples.size() - 1);
    }
}
