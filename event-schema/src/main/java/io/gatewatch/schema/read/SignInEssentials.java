package io.gatewatch.schema.read;

import static io.gatewatch.schema.read.JsonFields.array;
import static io.gatewatch.schema.read.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three facts no sign-in can do without — its id, its time and its outcome — taken from
 * wherever a record carries them. Real exports and hand-made vendor test events leave out
 * fields the documentation calls required, so each fact has a chain of places to look, and a
 * record is refused only when a fact exists nowhere in it.
 */
final class SignInEssentials {

    /** A failure whose record names no code anywhere: classified OTHER_FAILURE. */
    static final int UNKNOWN_FAILURE_CODE = -1;

    private static final Pattern AADSTS_CODE = Pattern.compile("\\bAADSTS(\\d{4,7})\\b");

    private SignInEssentials() {
    }

    /**
     * {@code id}, else {@code originalRequestId}, else a hash of the record's content: a record
     * delivered twice hashes the same, so re-deliveries are still dropped as duplicates (two
     * genuinely different sign-ins never share every field, time included).
     */
    static String id(JsonNode node) throws UnreadableRecordException {
        String id = text(node, "id");
        if (id == null) {
            id = text(node, "originalRequestId");
        }
        return id != null ? id : "content-" + contentHash(node);
    }

    /** {@code createdDateTime}, else the envelope's {@code time} / {@code TimeGenerated}, else the earliest step. */
    static Instant time(JsonNode node) throws UnreadableRecordException {
        String time = text(node, "createdDateTime");
        if (time == null) {
            time = text(node, "time");
        }
        if (time != null) {
            return LenientTimestamps.parse(time);
        }
        Instant earliest = null;
        JsonNode steps = array(node, "authenticationDetails");
        if (steps != null) {
            for (JsonNode step : steps) {
                String stepTime = step.isObject() ? text(step, "authenticationStepDateTime") : null;
                if (stepTime != null) {
                    Instant parsed = LenientTimestamps.parse(stepTime);
                    earliest = earliest == null || parsed.isBefore(earliest) ? parsed : earliest;
                }
            }
        }
        if (earliest == null) {
            throw new UnreadableRecordException(
                    "record has no time (createdDateTime, time, TimeGenerated or an authentication step)");
        }
        return earliest;
    }

    /**
     * {@code status.errorCode}, else {@code resultType} when it is a number. Some exports write
     * {@code resultType} as the word "Success" or "Failure"; a failure's code is then looked for
     * in {@code resultSignature} and in an {@code AADSTS} code quoted by the description.
     */
    static int errorCode(JsonNode node, JsonNode status) throws UnreadableRecordException {
        Integer code = JsonFields.integer(status, "errorCode");
        if (code != null) {
            return code;
        }
        String resultType = text(node, "resultType");
        if (resultType == null) {
            throw new UnreadableRecordException("record has no outcome (status.errorCode or resultType)");
        }
        String word = resultType.trim().toLowerCase(Locale.ROOT);
        if (word.equals("success") || word.equals("succeeded")) {
            return 0;
        }
        if (!word.equals("failure") && !word.equals("failed")) {
            Integer typed = JsonFields.integer(node, "resultType");
            if (typed == null) { // blank: no outcome after all
                throw new UnreadableRecordException("record has no outcome (status.errorCode or resultType)");
            }
            return typed;
        }
        Integer signature = codeIn(text(node, "resultSignature"));
        if (signature != null) {
            return signature;
        }
        Integer quoted = codeIn(text(node, "resultDescription"));
        return quoted != null && quoted != 0 ? quoted : UNKNOWN_FAILURE_CODE;
    }

    /** A bare number, or an {@code AADSTS50126}-style code anywhere in the text. */
    private static Integer codeIn(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.chars().allMatch(Character::isDigit) && !trimmed.isEmpty() && trimmed.length() <= 9) {
            int code = Integer.parseInt(trimmed);
            return code == 0 ? null : code;
        }
        Matcher matcher = AADSTS_CODE.matcher(trimmed);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    private static String contentHash(JsonNode node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(node.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
