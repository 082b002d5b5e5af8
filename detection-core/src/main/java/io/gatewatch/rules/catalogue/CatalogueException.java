package io.gatewatch.rules.catalogue;

/**
 * A rule file that cannot be used, said as a rule author needs it: which file and line, which
 * rule and field, and what is allowed there. Never quotes more of the file than a field's value.
 */
public final class CatalogueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogueException(String source, int line, String rule, String field, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + (rule == null ? "" : "rule " + rule + ": ")
                + (field == null ? "" : field + ": ") + problem);
    }
}
