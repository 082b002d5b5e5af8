package io.gatewatch.app.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration with one or more bad values; each problem names its key and where the value came from. */
public final class InvalidConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    InvalidConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in key order; at least one. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
