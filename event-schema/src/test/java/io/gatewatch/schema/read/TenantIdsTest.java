package io.gatewatch.schema.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One spelling per tenant, and no tenant id that could be confused inside a state key: a GUID in
 * upper case is the same tenant as in lower case; an id carrying the key separator or a control
 * character is refused, its record dead-lettered, and the reason never quotes it.
 */
class TenantIdsTest {

    private static final RecordDecoder DECODER = new RecordDecoder(ReaderLimits.DEFAULT);

    @Test
    void guidsAreLowerCasedNamesKeptBlankIsNone() throws UnreadableRecordException {
        assertThat(TenantIds.normalise(" 72F988BF-86F1-41AF-91AB-2D7CD011DB47 ")).isEqualTo("72f988bf-86f1-41af-91ab-2d7cd011db47");
        assertThat(TenantIds.normalise("contoso.onmicrosoft.com")).isEqualTo("contoso.onmicrosoft.com");
        assertThat(TenantIds.normalise("tenant_1-a")).isEqualTo("tenant_1-a");
        assertThat(TenantIds.normalise("<TENANT ID>")).as("the documented examples' placeholder").isEqualTo("<TENANT ID>");
        assertThat(TenantIds.normalise("  ")).isNull();
        assertThat(TenantIds.normalise(null)).isNull();
    }

    @Test
    void anIdThatCouldSplitAStateKeyIsRefusedWithoutBeingQuoted() {
        for (String crafted : List.of("t1|user|victim@contoso.com", "t1\nt2", "t1\u0000", "t1\tt2", "x".repeat(129))) {
            assertThatThrownBy(() -> TenantIds.normalise(crafted)).isInstanceOf(UnreadableRecordException.class)
                    .hasMessage(TenantIds.REFUSED);
        }
    }

    @Test
    void recordsOfOneTenantInTwoSpellingsAreOneTenantACraftedOneIsUnreadable() {
        String upper = "{\"id\":\"a\",\"createdDateTime\":\"2026-11-02T09:00:00Z\",\"tenantId\":\"72F988BF-86F1-41AF-91AB-2D7CD011DB47\","
                + "\"userPrincipalName\":\"ann@contoso.com\",\"status\":{\"errorCode\":0}}";
        String crafted = upper.replace("72F988BF-86F1-41AF-91AB-2D7CD011DB47", "t1|user|ann@contoso.com");
        List<ReadResult> read = DECODER.decode(upper.getBytes(StandardCharsets.UTF_8), "test");
        assertThat(((ReadResult.Read) read.get(0)).event().tenantId()).isEqualTo("72f988bf-86f1-41af-91ab-2d7cd011db47");
        assertThat(DECODER.decode(crafted.getBytes(StandardCharsets.UTF_8), "test")).singleElement()
                .isInstanceOfSatisfying(ReadResult.Unreadable.class, unreadable -> assertThat(unreadable.reason())
                        .contains(TenantIds.REFUSED).doesNotContain("ann@contoso.com"));
    }
}
