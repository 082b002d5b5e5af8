package io.gatewatch.schema.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Typed, lenient access to record fields. Missing, null and empty values read as null; a value
 * of the wrong type is an {@link UnreadableRecordException} naming the field, never its value.
 */
final class JsonFields {

    private JsonFields() {
    }

    static String text(JsonNode node, String field) throws UnreadableRecordException {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            String text = value.textValue();
            return text.isEmpty() ? null : text;
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        throw new UnreadableRecordException(field + ": expected text but found " + kind(value));
    }

    /** An integer that may arrive as a number or a string, as {@code resultType} and {@code errorCode} do. */
    static Integer integer(JsonNode node, String field) throws UnreadableRecordException {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return parseInteger(text);
            } catch (NumberFormatException e) {
                throw new UnreadableRecordException(field + ": expected an integer code");
            }
        }
        throw new UnreadableRecordException(field + ": expected an integer but found " + kind(value));
    }

    /** Decimal, or hex ({@code 0x80042f09}) read as its signed 32-bit value, as Dataverse reports codes. */
    static int parseInteger(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            return (int) Long.parseLong(lower.substring(2), 16);
        }
        return Integer.parseInt(lower);
    }

    static Double decimal(JsonNode node, String field) throws UnreadableRecordException {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual() && !value.textValue().isBlank()) {
            try {
                return Double.parseDouble(value.textValue().trim());
            } catch (NumberFormatException e) {
                throw new UnreadableRecordException(field + ": expected a number");
            }
        }
        if (value.isTextual()) {
            return null;
        }
        throw new UnreadableRecordException(field + ": expected a number but found " + kind(value));
    }

    /** Booleans arrive as JSON booleans, "true"/"TRUE" strings (CSV) or 0/1. */
    static Boolean bool(JsonNode node, String field) throws UnreadableRecordException {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.intValue() != 0;
        }
        if (value.isTextual()) {
            String text = value.textValue().trim().toLowerCase(Locale.ROOT);
            if (text.isEmpty()) {
                return null;
            }
            if (text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
            }
        }
        throw new UnreadableRecordException(field + ": expected true or false");
    }

    /** A nested object, or null when absent; an empty string counts as absent (CSV cells). */
    static JsonNode object(JsonNode node, String field) throws UnreadableRecordException {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
            return null;
        }
        if (!value.isObject()) {
            throw new UnreadableRecordException(field + ": expected an object but found " + kind(value));
        }
        return value;
    }

    static JsonNode array(JsonNode node, String field) throws UnreadableRecordException {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
            return null;
        }
        if (!value.isArray()) {
            throw new UnreadableRecordException(field + ": expected an array but found " + kind(value));
        }
        return value;
    }

    static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
