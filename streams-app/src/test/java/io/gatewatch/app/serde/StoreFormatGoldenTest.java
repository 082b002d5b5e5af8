package io.gatewatch.app.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.aggregate.Breakdowns;
import io.gatewatch.aggregate.Dimension;
import io.gatewatch.aggregate.DimensionSummary;
import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.diagnose.SignInSummary;
import io.gatewatch.rules.Incident;
import io.gatewatch.rules.baseline.TenantBaseline;
import io.gatewatch.rules.windowed.EntityWindow;
import io.gatewatch.rules.windowed.EntityWindows;
import io.gatewatch.rules.observe.Observation;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hand-written store format against golden bytes, one file per store and format version
 * ({@code golden/state/<store>-v<N>.hex}). Today's bytes of a fixed sample must equal the golden of
 * today's version, so a layout change cannot ship without a new version; and every golden of every
 * earlier version must still be read, so state written by one release is read by the next. After a
 * deliberate format change (version bumped, old reader kept), write the new golden with
 * {@code -Dgatewatch.golden.update=true} and commit it beside the old ones.
 */
class StoreFormatGoldenTest {

    record Format<T>(String store, CompactSerde<T> serde, T sample) {
        @Override
        public String toString() {
            return store;
        }
    }

    static Stream<Format<?>> formats() {
        Map<String, EntityWindow> byRule = new LinkedHashMap<>();
        byRule.put("BRUTE_FORCE", EntityWindow.restore(List.of(
                new Observation(1_000, "fail", "alice@contoso.com", "203.0.113.9", null, "47.61,-122.33|Seattle, US", "c-1"),
                new Observation(2_000, "success", null, null, "Azure Portal", null, null),
                new Observation(2_500, "fail", "alice@contoso.com", "203.0.113.9", null, "47.61,-122.33|Seattle, US",
                        "0f8fad5b-d9cb-469f-a165-70867728950e")),
                2_500, new Incident(3_600_000, "a-1", 1_500, true)));
        // from format 5: a window that never alerted, and one of a rule file's rule (not a built-in name)
        byRule.put("IMPOSSIBLE_TRAVEL", EntityWindow.restore(List.of(new Observation(86_000_000, "success",
                "alice@contoso.com", "203.0.113.9", "Outlook", "47.61,-122.33|Seattle, US", "c-2")), 90_000_000,
                Incident.NONE));
        byRule.put("LOCAL_RULE#5f3a", EntityWindow.restore(List.of(), 4_000, Incident.NONE));
        TenantWindowCounts counts = new TenantWindowCounts();
        for (int i = 0; i < 80; i++) { // past the exact limit: the estimated counter's bytes too
            counts.add(event("user" + i + "@contoso.com", Category.INVALID_CREDENTIALS, Outcome.FAILURE, 50126));
        }
        counts.add(event("bob@contoso.com", Category.SUCCESS, Outcome.SUCCESS, 0));
        counts.withTenantName("Contoso"); // from format 4
        SignInSummary signIn = new SignInSummary(Instant.ofEpochMilli(1_000), "c-1", "Azure Portal",
                "Windows Azure Service Management API", "203.0.113.9", "Edge 120", "Windows10", "Seattle, US", 50053,
                Category.ACCOUNT_LOCKED, Outcome.FAILURE, "Account is locked", false,
                List.of("Wait for the lockout to expire."));
        return Stream.of(
                new Format<>("rule-windows", new EntityWindowsSerde(), EntityWindows.restore(byRule)),
                new Format<>("tenant-window-counts", new WindowCountsSerde(), counts),
                new Format<>("tenant-baselines", new TenantBaselineSerde(), TenantBaseline.restore(
                        new TenantBaseline.Snapshot(7_200_000, 12, 3, 1, 2, 0.5, 0.25, 0.1, 0.01,
                                Incident.until(10_800_000), Incident.NONE))),
                new Format<>("user-sign-ins", new SignInSummarySerde(), signIn));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    <T> void todaysBytesAreTheGoldenOfTodaysVersion(Format<T> format) throws IOException {
        byte[] today = format.serde().serializer().serialize("golden", format.sample());
        String name = format.store() + "-v" + format.serde().version() + ".hex";
        if (Boolean.getBoolean("gatewatch.golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden/state", name), HexFormat.of().formatHex(today) + "\n");
        }
        assertThat(today[0]).as("first byte: the format version").isEqualTo((byte) format.serde().version());
        assertThat(HexFormat.of().formatHex(today)).as(name + " (a changed layout needs a new version)")
                .isEqualTo(golden(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    <T> void everyEarlierVersionIsStillRead(Format<T> format) throws IOException {
        int read = 0;
        for (int version = 1; version <= format.serde().version(); version++) {
            String golden = golden(format.store() + "-v" + version + ".hex");
            if (golden == null) {
                continue; // formats before versioned goldens existed
            }
            T value = format.serde().deserializer().deserialize("golden", HexFormat.of().parseHex(golden));
            assertThat(value).as("format %d of %s", version, format.store()).isNotNull();
            assertThat(value).as("format %d of %s read as written", version, format.store())
                    .usingRecursiveComparison().isEqualTo(writtenAs(format, version));
            read++;
        }
        assertThat(read).as("goldens read").isPositive();
    }

    /**
     * The value an older golden holds: today's sample, except where the sample grew after that
     * golden was written — rule-windows v3 and v4 hold its first window, v1 and v2 its first two observations, and v1 (before
     * windows were kept per rule) holds them under the unnamed rule; tenant-window-counts v1 holds
     * its counts without breakdowns, v2 its breakdowns without the pairs of a value and a user, v3
     * and older no tenant name.
     */
    private static Object writtenAs(Format<?> format, int version) {
        if (format.store().equals("tenant-window-counts") && version == 3) {
            TenantWindowCounts today = (TenantWindowCounts) format.sample();
            return TenantWindowCounts.restore(today.total(), today.byOutcome(), today.byCategory(),
                    today.usersByCategory(), today.errorCodes(), today.breakdowns());
        }
        if (format.store().equals("tenant-window-counts") && version <= 2) {
            TenantWindowCounts today = (TenantWindowCounts) format.sample();
            if (version == 1) {
                return TenantWindowCounts.restore(today.total(), today.byOutcome(), today.byCategory(),
                        today.usersByCategory(), today.errorCodes());
            }
            Map<Dimension, DimensionSummary> withoutPairs = new EnumMap<>(Dimension.class);
            today.breakdowns().byDimension().forEach((dimension, summary) -> {
                if (dimension.pairedWithUser() == null) {
                    withoutPairs.put(dimension, summary);
                }
            });
            return TenantWindowCounts.restore(today.total(), today.byOutcome(), today.byCategory(),
                    today.usersByCategory(), today.errorCodes(), Breakdowns.restore(withoutPairs));
        }
        if (!format.store().equals("rule-windows") || version >= 5) {
            return format.sample();
        }
        EntityWindow today = ((EntityWindows) format.sample()).byRule().get("BRUTE_FORCE");
        if (version >= 3) {
            return EntityWindows.restore(Map.of("BRUTE_FORCE", today));
        }
        EntityWindow earlier = EntityWindow.restore(today.observations().subList(0, 2), 2_000, today.incident());
        return EntityWindows.restore(Map.of(version == 1 ? "" : "BRUTE_FORCE", earlier));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = StoreFormatGoldenTest.class.getResourceAsStream("/golden/state/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static ClassifiedEvent event(String user, Category category, Outcome outcome, int code) {
        DynamicsAccessEvent event = new DynamicsAccessEvent("id-" + user, Instant.EPOCH, "t1", user, "192.0.2.1",
                "https://contoso.crm4.dynamics.com", code, null);
        return new ClassifiedEvent(event, new Classification(outcome, category, Severity.LOW, true, code, null,
                List.of(), null, false));
    }
}
