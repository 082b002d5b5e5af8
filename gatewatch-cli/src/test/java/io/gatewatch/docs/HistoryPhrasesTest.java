package io.gatewatch.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The history check finds what tells development history and leaves facts alone. */
class HistoryPhrasesTest {

    @Test
    void runLogsTrialsAndCommitsAreHistory() {
        assertThat(HistoryPhrases.in("three runs of the same code (`731b938`) one after another")).containsExactly("`731b938`");
        assertThat(HistoryPhrases.in("before (`39c1d68`) and after (`5ece01e`)")).containsExactly("`39c1d68`", "`5ece01e`");
        assertThat(HistoryPhrases.in("Tried and not kept: a commit interval of 200 ms")).containsExactly("Tried and not kept");
        assertThat(HistoryPhrases.in("found while building it: a run's clock starts")).containsExactly("found while building");
        assertThat(HistoryPhrases.in("the reference was once timed at millions of events")).containsExactly("was once timed");
        assertThat(HistoryPhrases.in("2.1 s and 8.8 s after it in two runs here")).containsExactly("runs here");
    }

    @Test
    void numbersCodesAndOtherRepositoriesPinnedVersionsAreFacts() {
        assertThat(HistoryPhrases.in("| `state.decoded-memory.bytes` | `134217728` |")).isEmpty();
        assertThat(HistoryPhrases.in("| Elastic | `elastic/detection-rules` @ `14cf530` (2026-08-21) |")).isEmpty();
        assertThat(HistoryPhrases.in("Dynamics codes such as `0x80042f09`, the error code `50126`")).isEmpty();
        assertThat(HistoryPhrases.in("the test prints the time from the kill until all input is processed")).isEmpty();
    }
}
