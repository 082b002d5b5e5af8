package io.gatewatch.app.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.aggregate.TenantWindowCounts;
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
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The hand-written store formats give back exactly what they were given, and fail without echoing content. */
class CompactSerdesTest {

    @Test
    void entityWindowsRoundTripEveryRuleWithMissingFields() {
        EntityWindows windows = EntityWindows.restore(Map.of("BRUTE_FORCE", sampleWindow(), "IMPOSSIBLE_TRAVEL",
                windowOf("alice@contoso.com")));

        EntityWindows back = roundTrip(new EntityWindowsSerde(), windows);

        assertThat(back).usingRecursiveComparison().isEqualTo(windows);
    }

    /** Strings numbered per value: shared across rules, past the numbering limit, nulls, all give back what was put in. */
    @Test
    void entityWindowsNumberEachStringOncePerValue() {
        List<Observation> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2 * ValueStrings.LIMIT; i++) { // past the numbers one byte holds
            many.add(new Observation(i, i % 3 == 0 ? "fail" : "success", "user" + i + "@contoso.com", "203.0.113.9",
                    i % 5 == 0 ? null : "app" + (i % 7), "47.61,-122.33|Seattle, US", "c-" + i));
            many.add(new Observation(i, "success", "user" + i + "@contoso.com", null, "Azure Portal", null, null));
        }
        EntityWindows windows = EntityWindows.restore(Map.of("PASSWORD_SPRAY", EntityWindow.restore(many, 99,
                Incident.NONE), "BRUTE_FORCE", sampleWindow(), "IMPOSSIBLE_TRAVEL", windowOf("alice@contoso.com")));
        Serde<EntityWindows> serde = new EntityWindowsSerde();

        EntityWindows back = roundTrip(serde, windows);

        assertThat(back).usingRecursiveComparison().isEqualTo(windows);
        Observation first = new Observation(1, "success", "alice@contoso.com", "203.0.113.9", "Azure Portal",
                "47.61,-122.33|Seattle, US", null);
        Observation second = new Observation(2, "success", "alice@contoso.com", "203.0.113.9", "Azure Portal",
                "47.61,-122.33|Seattle, US", null);
        int one = serde.serializer().serialize("t", EntityWindows.restore(Map.of("IMPOSSIBLE_TRAVEL",
                EntityWindow.restore(List.of(first), 1, Incident.NONE)))).length;
        int two = serde.serializer().serialize("t", EntityWindows.restore(Map.of("IMPOSSIBLE_TRAVEL",
                EntityWindow.restore(List.of(first, second), 2, Incident.NONE)))).length;
        assertThat(two - one).as("a second observation naming the same strings: its time (a byte: a millisecond "
                + "below the newest), five numbers and its empty correlation id").isEqualTo(1 + 5 + 1);
    }

    /** Entra's lowercase UUIDs go as 16 bytes; every other id (upper case, short, null) as itself. */
    @Test
    void correlationIdsRoundTripWhateverTheirShape() {
        List<String> ids = java.util.Arrays.asList("0f8fad5b-d9cb-469f-a165-70867728950e",
                "0F8FAD5B-D9CB-469F-A165-70867728950E", "0f8fad5b-d9cb-469f-a165-70867728950", "c-1", "",
                "0f8fad5bd9cb469fa16570867728950e0000", "0f8fad5b-d9cb-469f-a165-70867728950g", null);
        List<Observation> observations = new java.util.ArrayList<>();
        for (String id : ids) {
            observations.add(new Observation(1, "fail", "alice@contoso.com", null, null, null, id));
        }
        EntityWindows windows = EntityWindows.restore(Map.of("BRUTE_FORCE", EntityWindow.restore(observations, 1,
                Incident.NONE)));
        assertThat(roundTrip(new EntityWindowsSerde(), windows)).usingRecursiveComparison().isEqualTo(windows);
        int asUuid = new EntityWindowsSerde().serializer().serialize("t", EntityWindows.restore(Map.of("R",
                EntityWindow.restore(observations.subList(0, 1), 1, Incident.NONE)))).length;
        int asText = new EntityWindowsSerde().serializer().serialize("t", EntityWindows.restore(Map.of("R",
                EntityWindow.restore(observations.subList(1, 2), 1, Incident.NONE)))).length;
        assertThat(asText - asUuid).as("36 characters and their length against 16 bytes").isEqualTo(2 + 36 - 16);
    }

    @Test
    void aStringNumberNeverGivenOutIsCorrupt() {
        byte[] value = new EntityWindowsSerde().serializer().serialize("t", EntityWindows.restore(Map.of("RULE",
                EntityWindow.restore(List.of(new Observation(1, "fail", null, null, null, null, null)), 1, Incident.NONE))));
        value[value.length - 5] = (byte) (ValueStrings.FIRST + 5); // the observation's user: no string 5 was given out
        assertThatThrownBy(() -> new EntityWindowsSerde().deserializer().deserialize("t", value))
                .isInstanceOf(SerializationException.class);
    }

    /**
     * Bytes written by format 1 (one rule's window per record, {@code EntityWindowSerde} at commit
     * afbd9a3): a store written before windows were grouped per entity is still read, so the
     * purge can forget it instead of failing on it.
     */
    @Test
    void readsTheFormatOneWindowOfTheReleaseBefore() {
        byte[] formatOne = HexFormat.of().parseHex("0100000000000007d0000000000036ee80010003612d3100000000000005dc01"
                + "0000000200000000000003e80100046661696c010011616c69636540636f6e746f736f2e636f6d01000b3230332e302e"
                + "3131332e390001001934372e36312c2d3132322e33337c53656174746c652c205553010003632d3100000000000007d0"
                + "01000773756363657373000001000c417a75726520506f7274616c0000");

        EntityWindows read = new EntityWindowsSerde().deserializer().deserialize("t", formatOne);

        assertThat(read.byRule()).hasSize(1);
        assertThat(read.byRule().values().iterator().next()).usingRecursiveComparison().isEqualTo(sampleWindow());
    }

    @Test
    void aCountPastTheEndOfAWindowIsCorruptNotAnAllocation() {
        byte[] value = new EntityWindowsSerde().serializer().serialize("t", EntityWindows.restore(Map.of("RULE",
                EntityWindow.restore(List.of(), 0, Incident.NONE))));
        value[value.length - 1] = 0x7F; // the observation count, last in the value: far more than the bytes left
        assertThatThrownBy(() -> new EntityWindowsSerde().deserializer().deserialize("t", value))
                .isInstanceOf(SerializationException.class);
    }

    private static EntityWindow sampleWindow() {
        return EntityWindow.restore(List.of(
                new Observation(1_000, "fail", "alice@contoso.com", "203.0.113.9", null, "47.61,-122.33|Seattle, US", "c-1"),
                new Observation(2_000, "success", null, null, "Azure Portal", null, null)),
                2_000, new Incident(3_600_000, "a-1", 1_500, true));
    }

    @Test
    void windowCountsRoundTripExactAndEstimatedCounters() {
        TenantWindowCounts counts = new TenantWindowCounts();
        for (int i = 0; i < 200; i++) {
            counts.add(event("user" + i + "@contoso.com", Category.INVALID_CREDENTIALS, Outcome.FAILURE, 50126));
        }
        counts.add(event("bob@contoso.com", Category.ACCOUNT_LOCKED, Outcome.FAILURE, 50053));
        counts.add(event("bob@contoso.com", Category.SUCCESS, Outcome.SUCCESS, 0));

        TenantWindowCounts back = roundTrip(new WindowCountsSerde(), counts);

        assertThat(back).usingRecursiveComparison().isEqualTo(counts);
        assertThat(back.usersByCategory().get(Category.INVALID_CREDENTIALS).estimated()).isTrue();
        assertThat(back.usersByCategory().get(Category.ACCOUNT_LOCKED).count()).isEqualTo(1);
    }

    @Test
    void baselinesRoundTrip() {
        TenantBaseline.Snapshot state = new TenantBaseline.Snapshot(7_200_000, 12, 3, 1, 2, 0.5, 0.25, 0.1, 0.01,
                Incident.until(10_800_000), Incident.NONE);

        assertThat(roundTrip(new TenantBaselineSerde(), TenantBaseline.restore(state)).snapshot()).isEqualTo(state);
    }

    @Test
    void formatOneBaselinesKeepTheirOncePerHourSuppression() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            for (long value : new long[] {7_200_000, 12, 3, 1}) {
                out.writeLong(value);
            }
            out.writeInt(2);
            for (double value : new double[] {0.5, 0.25, 0.1, 0.01}) {
                out.writeDouble(value);
            }
            out.writeLong(7_200_000); // format 1: the hour of the last CA spike alert
            out.writeLong(Long.MIN_VALUE); // no failure-rate alert yet
        }

        TenantBaseline.Snapshot read = new TenantBaselineSerde().deserializer().deserialize("t", bytes.toByteArray())
                .snapshot();

        assertThat(read.caIncident().suppresses(7_200_000 + 3_599_999)).as("the rest of that hour").isTrue();
        assertThat(read.caIncident().suppresses(10_800_000)).as("the next hour").isFalse();
        assertThat(read.rateIncident()).isEqualTo(Incident.NONE);
        assertThat(read.hoursSeen()).isEqualTo(2);
    }

    @Test
    void unreadableBytesFailWithoutTheirContent() {
        byte[] bytes = new EntityWindowsSerde().serializer().serialize("t",
                EntityWindows.restore(Map.of("BRUTE_FORCE", windowOf("secret.user@contoso.com"))));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 5);
        byte[] future = bytes.clone();
        future[0] = 99;

        assertThatThrownBy(() -> new EntityWindowsSerde().deserializer().deserialize("changelog", truncated))
                .isInstanceOf(SerializationException.class).hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        assertThatThrownBy(() -> new EntityWindowsSerde().deserializer().deserialize("changelog", future))
                .isInstanceOf(SerializationException.class).hasMessageContaining("newer");
    }

    private static EntityWindow windowOf(String user) {
        EntityWindow window = new EntityWindow();
        window.add(new Observation(1, "fail", user, "192.0.2.1", null, null, null), 1000, 10);
        return window;
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    private static ClassifiedEvent event(String user, Category category, Outcome outcome, int code) {
        DynamicsAccessEvent event = new DynamicsAccessEvent("id-" + user, Instant.EPOCH, "t1", user, "192.0.2.1",
                "https://contoso.crm4.dynamics.com", code, null);
        return new ClassifiedEvent(event, new Classification(outcome, category, Severity.LOW, true, code, null,
                List.of(), null, false));
    }
}
