package io.gatewatch.schema.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing the decoders, bounded in tries rather than time: any bytes — random, a real record
 * mutated, or a random JSON tree built from the sign-in schema's own field names and hostile
 * values — decode to events or to an unreadable-record result, never to another exception; the
 * size and nesting limits hold; and no reason quotes the input (it would leak user names).
 */
class DecoderFuzzTest {

    /** Planted in every generated value: a reason that quotes input would show it. */
    private static final String MARKER = "zq-personal";
    private static final String[] FIELDS = {"id", "createdDateTime", "TimeGenerated", "time", "userPrincipalName",
            "UserPrincipalName", "tenantId", "TenantId", "status", "Status", "errorCode", "ResultType", "resultType",
            "failureReason", "additionalDetails", "properties", "records", "value", "location", "LocationDetails",
            "geoCoordinates", "latitude", "longitude", "city", "countryOrRegion", "ipAddress", "IPAddress",
            "callerIpAddress", "appDisplayName", "appId", "resourceDisplayName", "conditionalAccessStatus",
            "appliedConditionalAccessPolicies", "riskLevelDuringSignIn", "riskEventTypes_v2", "isInteractive",
            "authenticationDetails", "authenticationStepDateTime", "authenticationRequirement", "deviceDetail",
            "correlationId", "category", "operationName", "Category", "organizationUrl", "orgUrl", "httpStatusCode",
            "url", "requestUrl", "userId", "mfaDetail", "clientAppUsed", "signInEventTypes"};
    private static final String[] VALUES = {"", " ", "null", "0", "-1", "50053", "1e400", "NaN", "2025-01-15 08:15:23.456",
            "2025-13-45T99:99:99Z", "2025-01-15T08:15:23.1234567890123Z", "+999999999-12-31T23:59:59Z", "\u0000",
            "\uD800", "https://contoso.crm4.dynamics.com", "crm", "::1", "999.1.1.1", "{\"nested\":true}", "[1,2]",
            "Success", "Failure", "true"};

    private final RecordDecoder decoder = new RecordDecoder(new ReaderLimits(64 * 1024, 64));

    @Property(tries = 1500)
    void randomBytesDecodeToEventsOrReasons(@ForAll @Size(max = 2_000) byte[] bytes) {
        assertWellBehaved(decoder.decode(bytes, "fuzz"));
        assertWellBehaved(readFile(bytes));
    }

    @Property(tries = 1500)
    void mutatedRealRecordsDecodeToEventsOrReasons(@ForAll("samples") String sample, @ForAll long seed,
                                                   @ForAll @IntRange(min = 1, max = 8) int mutations) {
        byte[] mutated = mutate(sample.getBytes(StandardCharsets.UTF_8), new Random(seed), mutations);
        assertWellBehaved(decoder.decode(mutated, "fuzz"));
        assertWellBehaved(readFile(mutated));
    }

    @Property(tries = 3000)
    void randomSignInShapedTreesDecodeToEventsOrReasons(@ForAll long seed) {
        Random random = new Random(seed);
        StringBuilder json = new StringBuilder();
        tree(json, random, 0, 1 + random.nextInt(6));
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        assertWellBehaved(decoder.decode(bytes, "fuzz"));
        assertWellBehaved(readFile(bytes));
    }

    @Property(tries = 200)
    void nestingPastTheLimitIsRefusedWithItsReason(@ForAll @IntRange(min = 1, max = 400) int depth) {
        String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        List<ReadResult> results = decoder.decode(("{\"properties\":" + nested + "}").getBytes(StandardCharsets.UTF_8), "n");
        assertWellBehaved(results);
        if (depth + 1 > 64) { // the outer object and depth more
            assertThat(results).singleElement().isInstanceOfSatisfying(ReadResult.Unreadable.class,
                    u -> assertThat(u.reason()).contains("nesting"));
        }
    }

    @Property(tries = 100)
    void recordsOverTheSizeLimitAreRefusedWithoutBeingParsed(@ForAll @IntRange(min = 1, max = 4_096) int over) {
        byte[] big = ("{\"id\":\"" + "x".repeat(64 * 1024 + over) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decode(big, "big")).singleElement().isInstanceOfSatisfying(ReadResult.Unreadable.class,
                u -> assertThat(u.reason()).contains("exceeds the limit"));
    }

    @Provide
    Arbitrary<String> samples() {
        return Arbitraries.of(resource("azure-monitor-signin-example.json"),
                resource("eventhub-envelope-example.constructed.json"),
                resource("sentinel-training-lab_sign-in_adelete_excerpt.csv"),
                "{\"id\":\"g1\",\"createdDateTime\":\"2025-11-14T10:00:00Z\",\"userPrincipalName\":\"" + MARKER
                        + "@x.com\",\"tenantId\":\"t\",\"ipAddress\":\"198.51.100.1\",\"status\":{\"errorCode\":50126},"
                        + "\"location\":{\"city\":\"Seattle\",\"geoCoordinates\":{\"latitude\":47.6,\"longitude\":-122.3}}}",
                "{\"time\":\"2025-11-14T10:00:00Z\",\"category\":\"DynamicsAccess\",\"properties\":{\"id\":\"d1\","
                        + "\"userPrincipalName\":\"" + MARKER + "@x.com\",\"organizationUrl\":\"https://org.crm4.dynamics.com\","
                        + "\"httpStatusCode\":403}}");
    }

    private static void assertWellBehaved(List<ReadResult> results) {
        assertThat(results).isNotNull().doesNotContainNull();
        for (ReadResult result : results) {
            if (result instanceof ReadResult.Unreadable unreadable) {
                assertThat(unreadable.reason()).isNotBlank().doesNotContain(MARKER).hasSizeLessThan(400);
            } else {
                assertThat(((ReadResult.Read) result).event()).isNotNull();
            }
        }
    }

    private List<ReadResult> readFile(byte[] bytes) {
        List<ReadResult> results = new ArrayList<>();
        try {
            new InputFileReader(decoder).read(new ByteArrayInputStream(bytes), results::add);
        } catch (IOException e) {
            throw new AssertionError("an in-memory read cannot fail on I/O", e);
        }
        return results;
    }

    private static byte[] mutate(byte[] original, Random random, int mutations) {
        byte[] bytes = original;
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(Math.max(1, bytes.length));
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes = splice(bytes, at, "{[\",:}]\\0-.e".substring(random.nextInt(12)).getBytes(StandardCharsets.UTF_8));
                case 2 -> bytes = java.util.Arrays.copyOf(bytes, at); // truncated
                case 3 -> bytes = splice(bytes, at, java.util.Arrays.copyOfRange(bytes, 0, Math.min(at, 200)));
                default -> bytes = splice(bytes, at, ("\"" + FIELDS[random.nextInt(FIELDS.length)] + "\":"
                        + value(random)).getBytes(StandardCharsets.UTF_8));
            }
            if (bytes.length == 0) {
                break;
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        byte[] out = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at, out, at + insert.length, bytes.length - at);
        return out;
    }

    /** A JSON object or array of the schema's field names with hostile values, up to {@code maxDepth} deep. */
    private static void tree(StringBuilder json, Random random, int depth, int maxDepth) {
        boolean array = depth > 0 && random.nextInt(5) == 0;
        json.append(array ? '[' : '{');
        int members = random.nextInt(8);
        for (int i = 0; i < members; i++) {
            if (i > 0) {
                json.append(',');
            }
            if (!array) {
                json.append('"').append(FIELDS[random.nextInt(FIELDS.length)]).append("\":");
            }
            if (depth < maxDepth && random.nextInt(3) == 0) {
                tree(json, random, depth + 1, maxDepth);
            } else {
                json.append(value(random));
            }
        }
        json.append(array ? ']' : '}');
    }

    private static String value(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> String.valueOf(random.nextLong());
            case 1 -> String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 2 -> random.nextBoolean() ? "true" : "null";
            case 3 -> "\"" + MARKER + "-" + random.nextInt(1000) + "@contoso.com\"";
            default -> "\"" + VALUES[random.nextInt(VALUES.length)].replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        };
    }

    private static String resource(String name) {
        try (InputStream in = DecoderFuzzTest.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(name, e);
        }
    }
}
