package io.gatewatch.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a rule's state is stored under: Gatewatch's own rules their ids, as before rules were data;
 * a rule file's rules their id and a fingerprint of what the state means, which re-tuning and
 * re-wording keep and a redefinition changes.
 */
class StateKeyTest {

    private static final String RULE = """
            rules:
              - id: MY_COUNT
                title: Wrong passwords from several addresses
                description: A user failing from several addresses.
                severity: LOW
                attack: {tactics: [TA0006], techniques: [T1110.001]}
                anchors: [ours]
                falsePositives: [a traveller]
                shape: count
                entity: user
                where: {errorCode: [50126, 50053], app: {contains: Teams}}
                distinct: address
                noun: addresses
                summary: "{count} wrong passwords from {distinct}."
                params: {threshold: 3, distinct: 2, window: PT10M, suppress: PT1H}
            """;

    private static final String BURST = """
            rules:
              - id: MY_BURST
                title: Blocks
                severity: LOW
                attack: {tactics: [TA0005], techniques: [T1078.004]}
                shape: burst-then-success
                entity: user
                burst: {category: CONDITIONAL_ACCESS_BLOCKED}
                summary: "{count} blocks for {user}."
                escalation: MY_BURST_SUCCESS
                params: {threshold: 2, window: PT10M, success-window: PT30M}
            """;

    @Test
    void gatewatchsOwnRulesKeepTheirIdsAsStateKeys() {
        assertThat(RuleCatalogue.shipped().all()).isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.stateKey()).isEqualTo(rule.id()));
        assertThat(RuleCatalogue.shipped().stateKey("BRUTE_FORCE")).isEqualTo("BRUTE_FORCE");
        assertThat(RuleCatalogue.shipped().stateKey("NOT_A_RULE")).as("a name the catalogue does not know")
                .isEqualTo("NOT_A_RULE");
    }

    @Test
    void aRuleFilesRuleIsKeyedByItsIdAndAFingerprint() {
        assertThat(key(RULE)).matches("MY_COUNT#[0-9a-f]{8}").isEqualTo(key(RULE));
        assertThat(RuleCatalogue.shipped().plus(RULE, "f.yaml").stateKey("MY_COUNT")).isEqualTo(key(RULE));
    }

    @Test
    void howTheRuleIsWrittenDoesNotChangeItsKey() {
        String block = RULE.replace("where: {errorCode: [50126, 50053], app: {contains: Teams}}", """
                where:
                      app:
                        contains: "Teams"
                      errorCode:
                        - "50126"
                        - 50053""").replace("entity: user", "entity: 'user'");

        assertThat(key(block)).isEqualTo(key(RULE));
    }

    @Test
    void reTuningOrRewordingKeepsTheKey() {
        Map<String, String> edits = Map.of(
                "{threshold: 3, distinct: 2, window: PT10M, suppress: PT1H}", "{threshold: 30, distinct: 5, window: PT2H}",
                "severity: LOW", "severity: HIGH",
                "title: Wrong passwords from several addresses", "title: Something else",
                "A user failing from several addresses.", "Reworded.",
                "{count} wrong passwords from {distinct}.", "{count} failures.",
                "noun: addresses", "noun: IPs",
                "techniques: [T1110.001]", "techniques: [T1110]",
                "falsePositives: [a traveller]", "falsePositives: [a traveller, a VPN]\n    enabled: false");
        edits.forEach((from, to) -> assertThat(key(edit(RULE, from, to))).as(to).isEqualTo(key(RULE)));
        assertThat(key(BURST.replace("entity: user", "entity: user\n    moreThan: true"))).as("moreThan tunes the threshold")
                .isEqualTo(key(BURST));
    }

    @Test
    void redefiningTheRuleChangesTheKey() {
        Map<String, String> edits = Map.of(
                "errorCode: [50126, 50053]", "errorCode: [50126]",
                "{contains: Teams}", "{contains: Outlook}",
                "entity: user", "entity: user+address",
                "distinct: address", "distinct: app");
        edits.forEach((from, to) -> assertThat(key(edit(RULE, from, to))).as(to).isNotEqualTo(key(RULE)));
        assertThat(key(edit(BURST, "escalation: MY_BURST_SUCCESS", "escalation: OTHER_SUCCESS"))).isNotEqualTo(key(BURST));
        assertThat(key(edit(BURST, "CONDITIONAL_ACCESS_BLOCKED", "MFA_DENIED"))).isNotEqualTo(key(BURST));
        String asMatch = edit(edit(edit(RULE, "shape: count", "shape: match"), "    distinct: address\n", ""),
                "    params: {threshold: 3, distinct: 2, window: PT10M, suppress: PT1H}\n", "");
        assertThat(key(edit(asMatch, "    noun: addresses\n", ""))).as("another shape").isNotEqualTo(key(RULE));
    }

    @Test
    void aFieldTheFingerprintDoesNotKnowCounts() throws Exception {
        JsonNode rule = new YAMLMapper().readTree(RULE).get("rules").get(0);
        ObjectNode withField = rule.deepCopy();
        withField.put("field", "country");

        assertThat(StateFingerprint.of(withField)).as("a later shape's field: resetting is safe, mixing is not")
                .isNotEqualTo(StateFingerprint.of(rule));
    }

    private static String edit(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    private static String key(String text) {
        return CatalogueReader.read(text, "f.yaml").get(0).stateKey();
    }
}
