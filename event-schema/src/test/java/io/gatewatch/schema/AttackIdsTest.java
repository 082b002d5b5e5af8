package io.gatewatch.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ATT&CK ids: only the allowed forms, an error naming the id and the form, and their JSON. */
class AttackIdsTest {

    @Test
    void acceptsTacticsTechniquesAndSubTechniques() {
        AttackIds ids = new AttackIds(List.of("TA0006", "TA0001"), List.of("T1110", "T1110.003", "T1078.004"));

        assertThat(ids.tactics()).containsExactly("TA0006", "TA0001");
        assertThat(ids.techniques()).containsExactly("T1110", "T1110.003", "T1078.004");
        assertThat(ids.isEmpty()).isFalse();
        assertThat(new AttackIds(List.of("TA0006"), null).isEmpty()).isFalse();
        assertThat(new AttackIds(null, List.of("T1110")).isEmpty()).isFalse();
    }

    @Test
    void nullListsAreEmptyAndNoneIsEmpty() {
        assertThat(new AttackIds(null, null)).isEqualTo(AttackIds.NONE);
        assertThat(AttackIds.NONE.tactics()).isEmpty();
        assertThat(AttackIds.NONE.techniques()).isEmpty();
        assertThat(AttackIds.NONE.isEmpty()).isTrue();
    }

    @Test
    void theListsAreCopies() {
        List<String> tactics = new ArrayList<>(List.of("TA0006"));
        AttackIds ids = new AttackIds(tactics, List.of("T1110"));
        tactics.add("TA0001");

        assertThat(ids.tactics()).containsExactly("TA0006");
        assertThatThrownBy(() -> ids.techniques().add("T1621")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TA006", "TA00066", "ta0006", "TA0006 ", " TA0006", "T1110", "TA-0006", ""})
    void aTacticNotOfTheFormIsRefusedNamingItAndTheForm(String id) {
        assertThatThrownBy(() -> new AttackIds(List.of(id), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ATT&CK tactic id \"" + id + "\" is not of the form TA and four digits, e.g. TA0006");
    }

    @ParameterizedTest
    @ValueSource(strings = {"T111", "T11100", "t1110", "T1110.3", "T1110.0031", "T1110.", "TA0006", "T1110 ",
            "T1110,T1621", ""})
    void aTechniqueNotOfTheFormIsRefusedNamingItAndTheForm(String id) {
        assertThatThrownBy(() -> new AttackIds(List.of(), List.of("T1110", id)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ATT&CK technique id \"" + id + "\" is not of the form T and four digits, optionally a dot"
                        + " and three digits, e.g. T1110 or T1110.003");
    }

    @Test
    void aMissingIdIsRefused() {
        assertThatThrownBy(() -> new AttackIds(Arrays.asList("TA0006", null), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ATT&CK tactic id null is not");
    }

    @Test
    void aLongOrMultiLineIdIsShownShortAndOnOneLine() {
        assertThatThrownBy(() -> new AttackIds(List.of(), List.of("T1110\nand more text that goes on and on")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ATT&CK technique id \"T1110?and more text that\u2026\" is not")
                .hasMessageNotContaining("goes on")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void serialisesAsTacticsAndTechniquesOnly() throws Exception {
        ObjectMapper json = new ObjectMapper();
        AttackIds ids = new AttackIds(List.of("TA0006"), List.of("T1110", "T1110.003"));

        String text = json.writeValueAsString(ids);

        assertThat(text).isEqualTo("{\"tactics\":[\"TA0006\"],\"techniques\":[\"T1110\",\"T1110.003\"]}");
        assertThat(json.readValue(text, AttackIds.class)).isEqualTo(ids);
        assertThat(json.writeValueAsString(AttackIds.NONE)).isEqualTo("{\"tactics\":[],\"techniques\":[]}");
        assertThat(json.readValue("{}", AttackIds.class)).isEqualTo(AttackIds.NONE);
    }
}
