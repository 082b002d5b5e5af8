package io.gatewatch.schema.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.schema.MfaDetail;
import io.gatewatch.schema.NetworkLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The sign-in fields kept for the newer detections (protocols, MFA detail, network locations,
 * audiences, the autonomous system), read leniently: a record that read before they were kept
 * still reads, whatever shape a pipeline gave them; a value of the wrong shape reads as absent.
 */
final class LenientFields {

    private LenientFields() {
    }

    /**
     * Text, or null: the fields added for the newer detections are read leniently, as the AS
     * number is, so a record that read before they were kept still reads whatever shape a
     * pipeline gave them. Numbers and booleans read as their text; objects and arrays as absent.
     */
    static String optionalText(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            String text = value.textValue();
            return text.isEmpty() ? null : text;
        }
        return value.isNumber() || value.isBoolean() ? value.asText() : null;
    }

    /** A JSON boolean, a "true"/"false" string (CSV: "TRUE") or 0/1; anything else reads as absent. */
    static Boolean optionalBool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.intValue() == 0 ? Boolean.FALSE : value.intValue() == 1 ? Boolean.TRUE : null;
        }
        if (value.isTextual()) {
            String text = value.textValue().strip();
            return text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
        }
        return null;
    }

    /**
     * Graph's {@code authMethod} / {@code authDetail} (the older {@code mfaAuthMethod} /
     * {@code mfaAuthDetail} of Microsoft's first examples too); {@code {}} is no detail.
     */
    static MfaDetail mfaDetail(JsonNode mfa) {
        if (mfa == null || !mfa.isObject()) {
            return null;
        }
        String method = optionalText(mfa, "authMethod");
        if (method == null) {
            method = optionalText(mfa, "mfaAuthMethod");
        }
        String detail = optionalText(mfa, "authDetail");
        if (detail == null) {
            detail = optionalText(mfa, "mfaAuthDetail");
        }
        return method == null && detail == null ? null : new MfaDetail(method, detail);
    }

    /** {@code [{"networkType": ..., "networkNames": [...]}]}; entries naming nothing are left out. */
    static List<NetworkLocation> networkLocations(JsonNode details) {
        if (details == null || !details.isArray() || details.isEmpty()) {
            return List.of();
        }
        List<NetworkLocation> result = new ArrayList<>(details.size());
        for (JsonNode detail : details) {
            if (!detail.isObject()) {
                continue;
            }
            String type = optionalText(detail, "networkType");
            List<String> names = texts(detail.get("networkNames"));
            if (type != null || !names.isEmpty()) {
                result.add(new NetworkLocation(type, names));
            }
        }
        return result;
    }

    /**
     * Graph's {@code [{"applicationId": ..., "audienceReasons": ...}]} as the application ids, or
     * a plain list of ids (as the type was first documented), or one id.
     */
    static List<String> audiences(JsonNode audiences) {
        if (audiences == null) {
            return List.of();
        }
        if (audiences.isTextual()) {
            return audiences.textValue().isEmpty() ? List.of() : List.of(audiences.textValue());
        }
        if (!audiences.isArray() || audiences.isEmpty()) {
            return List.of();
        }
        List<String> result = new ArrayList<>(audiences.size());
        for (JsonNode audience : audiences) {
            String id = audience.isObject() ? optionalText(audience, "applicationId")
                    : audience.isTextual() && !audience.textValue().isEmpty() ? audience.textValue() : null;
            if (id != null) {
                result.add(id);
            }
        }
        return result;
    }

    /** The non-empty strings of an array, or the one string; anything else is none. */
    static List<String> texts(JsonNode values) {
        if (values == null) {
            return List.of();
        }
        if (values.isTextual()) {
            return values.textValue().isEmpty() ? List.of() : List.of(values.textValue());
        }
        if (!values.isArray() || values.isEmpty()) {
            return List.of();
        }
        List<String> result = new ArrayList<>(values.size());
        for (JsonNode value : values) {
            if (value.isTextual() && !value.textValue().isEmpty()) {
                result.add(value.textValue());
            }
        }
        return result;
    }

    /**
     * Graph's Int32, Log Analytics' string column (CSV: the cell), or a string where a pipeline
     * re-serialised it. Lenient, unlike the other fields: the number only serves exceptions, so a
     * value that is not an AS number (negative, fractional, text, beyond Int32) reads as null
     * rather than costing the sign-in itself.
     */
    static Integer autonomousSystemNumber(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToInt() && value.intValue() >= 0 ? value.intValue() : null;
        }
        if (!value.isTextual()) {
            return null;
        }
        String text = value.textValue().strip();
        if (text.isEmpty() || text.length() > 10) {
            return null;
        }
        long number = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            number = number * 10 + (c - '0');
        }
        return number <= Integer.MAX_VALUE ? (int) number : null;
    }
}
