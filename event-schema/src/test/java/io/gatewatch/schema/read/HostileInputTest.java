package io.gatewatch.schema.read;

import static io.gatewatch.schema.read.TestInputs.failures;
import static io.gatewatch.schema.read.TestInputs.read;
import static io.gatewatch.schema.read.TestInputs.readText;
import static io.gatewatch.schema.read.TestInputs.reads;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Broken and hostile input: each bad record is reported with its position and reason, never its content. */
class HostileInputTest {

    private static final String GOOD = "{\"id\":\"ok%d\",\"createdDateTime\":\"2025-11-14T01:48:53Z\","
            + "\"userPrincipalName\":\"secret.user@contoso.com\",\"status\":{\"errorCode\":0}}";

    @Test
    void truncatedRecordBetweenGoodOnes() {
        String text = GOOD.formatted(1) + "\n" + "{\"id\":\"t\",\"userPrincipalName\":\"secret.user@contoso.com\",\"sta"
                + "\n" + GOOD.formatted(2) + "\n";
        List<ReadResult> results = readText(text);

        assertThat(reads(results)).extracting(r -> r.event().id()).containsExactly("ok1", "ok2");
        assertThat(failures(results)).singleElement().satisfies(f -> {
            assertThat(f.position()).isEqualTo("line 2");
            assertThat(f.reason()).contains("truncated JSON").doesNotContain("secret.user");
        });
    }

    @Test
    void wrongTypesNameTheFieldNotTheValue() {
        List<ReadResult> results = readText("""
                {"id":"w1","createdDateTime":"2025-11-14T01:48:53Z","status":"secret.user@contoso.com"}
                {"id":"w2","createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":"secret.user"}}
                {"id":"w3","createdDateTime":"secret.user@contoso.com","status":{"errorCode":0}}
                {"id":["w4"],"createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":0}}
                "just a string"
                """);
        assertThat(reads(results)).isEmpty();
        assertThat(failures(results)).extracting(ReadResult.Unreadable::reason).containsExactly(
                "status: expected an object but found string",
                "errorCode: expected an integer code",
                "timestamp in an unknown format",
                "id: expected text but found array",
                "expected a JSON object but found string");
    }

    @Test
    void unquotedTokenIsNotEchoed() {
        List<ReadResult> results = readText("{\"id\": secret.user@contoso.com}\n");
        assertThat(failures(results)).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("malformed JSON").doesNotContain("secret"));
    }

    @Test
    void emptyInputGivesNothingAndEmptyObjectIsReported() {
        assertThat(readText("")).isEmpty();
        assertThat(readText("\n\n  \n")).isEmpty();
        assertThat(failures(readText("{}\n"))).extracting(ReadResult.Unreadable::reason)
                .containsExactly("unrecognised record format");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"id\":\"n\",\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";
        List<ReadResult> results = readText(GOOD.formatted(1) + "\n" + deep + "\n" + GOOD.formatted(2));
        assertThat(reads(results)).hasSize(2);
        assertThat(failures(results)).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("nesting depth"));
    }

    /** The default limit is 64 levels: the record object and 62 nested arrays read, 64 arrays do not. */
    @Test
    void nestingIsReadUpToSixtyFourLevels() {
        String within = "{\"id\":\"n\",\"createdDateTime\":\"2025-11-14T01:48:53Z\",\"status\":{\"errorCode\":0},\"x\":"
                + "[".repeat(62) + "]".repeat(62) + "}";
        String beyond = within.replace("[".repeat(62) + "]".repeat(62), "[".repeat(64) + "]".repeat(64));

        assertThat(failures(readText(within))).isEmpty();
        assertThat(failures(readText(beyond))).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("nesting depth"));
    }

    @Test
    void oversizedLineIsSkippedWithoutBufferingIt() {
        ReaderLimits limits = new ReaderLimits(64 * 1024, 64);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((GOOD.formatted(1) + "\n").getBytes(StandardCharsets.UTF_8));
        String big = "{\"id\":\"big\",\"pad\":\"" + "x".repeat(200_000) + "\"}";
        out.writeBytes((big + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes((GOOD.formatted(2) + "\n").getBytes(StandardCharsets.UTF_8));

        List<ReadResult> results = read(new ByteArrayInputStream(out.toByteArray()), limits);

        assertThat(reads(results)).extracting(r -> r.event().id()).containsExactly("ok1", "ok2");
        assertThat(failures(results)).singleElement().satisfies(f -> {
            assertThat(f.position()).isEqualTo("line 2");
            assertThat(f.reason()).isEqualTo("record of " + big.length() + " bytes exceeds the limit of 65536");
        });
    }

    @Test
    void oversizedMemberOfPrettyEnvelopeIsSkipped() {
        ReaderLimits limits = new ReaderLimits(64 * 1024, 64);
        String envelope = "{\n  \"records\": [\n" + GOOD.formatted(1) + ",\n"
                + "{\"id\":\"big\",\"pad\":[" + "\"abcdefgh\",".repeat(20_000) + "1]},\n"
                + GOOD.formatted(2) + "\n  ]\n}\n";
        List<ReadResult> results = read(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)), limits);

        assertThat(reads(results)).extracting(r -> r.event().id()).containsExactly("ok1", "ok2");
        assertThat(failures(results)).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("exceeds the limit"));
    }

    @Test
    void binaryBlobLinesAreReportedAndReadingContinues() {
        byte[] blob = new byte[4096];
        new Random(42).nextBytes(blob);
        for (int i = 0; i < blob.length; i++) { // no line breaks: one unreadable line, whose reason must not quote it
            blob[i] = blob[i] == '\n' ? (byte) ' ' : blob[i];
        }
        byte[] name = "{\"userPrincipalName\":\"secret.user@contoso.com\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(name, 0, blob, 2048, name.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((GOOD.formatted(1) + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(blob);
        out.writeBytes(("\n" + GOOD.formatted(2) + "\n").getBytes(StandardCharsets.UTF_8));

        List<ReadResult> results = read(new ByteArrayInputStream(out.toByteArray()), ReaderLimits.DEFAULT);

        assertThat(reads(results)).extracting(r -> r.event().id()).containsExactly("ok1", "ok2");
        assertThat(failures(results)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.reason()).doesNotContain("secret"));
    }

    @Test
    void prettyDocumentWithSyntaxErrorKeepsWhatCameBefore() {
        String doc = "[\n" + GOOD.formatted(1) + ",\n{\"id\": \"x\", \"status\" {}\n]\n";
        List<ReadResult> results = readText(doc);
        assertThat(reads(results)).hasSize(1);
        assertThat(failures(results)).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("malformed JSON").contains("rest of input not read"));
    }
}
