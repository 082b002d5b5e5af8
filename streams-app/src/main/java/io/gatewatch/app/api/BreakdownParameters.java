package io.gatewatch.app.api;

import io.gatewatch.aggregate.Dimension;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The query parameters of {@code /breakdown} and {@code /movers}; a bad value is a 400 naming the good ones. */
final class BreakdownParameters {

    private BreakdownParameters() {
    }

    /** {@code by}: the dimension, {@code app} when not given. */
    static Dimension by(Context ctx) {
        String by = ctx.queryParam("by");
        Dimension dimension = by == null ? Dimension.APP : Dimension.ofParameter(by);
        if (dimension == null) {
            throw new IllegalArgumentException("by must be one of " + Arrays.stream(Dimension.values())
                    .map(Dimension::parameter).collect(Collectors.joining(", ")));
        }
        return dimension;
    }

    /** {@code outcome=all}: every sign-in's values, by sign-ins; {@code failure} (the default): failing ones, by failures. */
    static boolean all(Context ctx) {
        String outcome = ctx.queryParam("outcome");
        if (outcome != null && !outcome.equals("all") && !outcome.equals("failure")) {
            throw new IllegalArgumentException("outcome must be failure or all");
        }
        return "all".equals(outcome);
    }

    static String baseline(Context ctx) {
        String baseline = ctx.queryParam("baseline");
        return baseline == null ? "previous" : baseline;
    }
}
