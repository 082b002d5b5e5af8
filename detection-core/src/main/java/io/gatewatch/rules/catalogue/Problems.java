package io.gatewatch.rules.catalogue;

import java.util.Map;

/**
 * Where in a rule file the reader is, so that a problem names the file, the line of the field
 * (of its top-level key, for a nested one), the rule and the field. Inside a list element,
 * {@code prefix} names the element ({@code groups[1]}).
 */
record Problems(String source, int ruleLine, Map<String, Integer> fieldLines, String rule, String prefix) {

    Problems(String source, int ruleLine, Map<String, Integer> fieldLines, String rule) {
        this(source, ruleLine, fieldLines, rule, null);
    }

    Problems within(String element) {
        return new Problems(source, ruleLine, fieldLines, rule, prefix == null ? element : prefix + "." + element);
    }

    CatalogueException problem(String field, String message) {
        String name = prefix == null ? field : field == null ? prefix : prefix + "." + field;
        String key = name == null ? null : name.split("[.\\[]", 2)[0];
        int line = key == null ? ruleLine : fieldLines.getOrDefault(key, ruleLine);
        return new CatalogueException(source, line, rule, name, message);
    }
}
