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
                    .filter(d -> d.pairedWithUser() == null).map(Dimension::parameter).collect(Collectors.joining(", ")));
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

    /** {@code where=app:Outlook} with {@code by=user}: the value whose failing users to list; null when not given. */
    record Where(Dimension dimension, String value) {
    }

    static Where where(Context ctx, Dimension by) {
        String where = ctx.queryParam("where");
        if (where == null) {
            return null;
        }
        int colon = where.indexOf(':');
        Dimension dimension = colon < 0 ? null : Dimension.ofParameter(where.substring(0, colon));
        Dimension pairs = dimension == null ? null : Dimension.usersOf(dimension);
        if (pairs == null || colon == where.length() - 1) {
            throw new IllegalArgumentException("where must be app:, country:, errorCode: or caPolicy: and a value");
        }
        if (by != Dimension.USER) {
            throw new IllegalArgumentException("where lists the failing users of a value: it needs by=user");
        }
        return new Where(dimension, where.substring(colon + 1));
    }

    static String baseline(Context ctx) {
        String baseline = ctx.queryParam("baseline");
        return baseline == null ? "previous" : baseline;
    }
}
