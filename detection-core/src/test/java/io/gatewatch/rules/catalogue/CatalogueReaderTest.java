package io.gatewatch.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.schema.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule author's mistakes, each said with the file, line, rule and field, and what is allowed. */
class CatalogueReaderTest {

    private static final String GOOD = """
            rules:
              - id: PORTAL_CA_BLOCK
                title: Azure Portal blocked by Conditional Access
                severity: LOW
                attack: {tactics: [TA0001], techniques: [T1078.004]}
                shape: match
                entity: user
                where: {category: CONDITIONAL_ACCESS_BLOCKED, app: Azure Portal}
                summary: "{user} was blocked from the Azure Portal."
                params: {suppress: PT1H}
            """;

    private static String withLine(String line, String replacement) {
        assertThat(GOOD).contains(line);
        return GOOD.replace(line, replacement);
    }

    @Test
    void aGoodFileReads() {
        List<RuleDefinition> rules = CatalogueReader.read(GOOD, "my-rules.yaml");

        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.id()).isEqualTo("PORTAL_CA_BLOCK");
            assertThat(rule.severity()).isEqualTo(Severity.LOW);
            assertThat(rule.techniques()).containsExactly("T1078.004");
            assertThat(rule.shape()).isEqualTo(Shape.MATCH);
            assertThat(rule.defaults()).containsEntry("suppress.PORTAL_CA_BLOCK", "PT1H");
            assertThat(rule.source()).isEqualTo("my-rules.yaml:2");
        });
    }

    @Test
    void anUnknownFieldIsNamedWithItsLineAndTheAllowedOnes() {
        String file = withLine("    summary:", "    sumary: \"x\"\n    summary:");

        assertThatThrownBy(() -> CatalogueReader.read(file, "my-rules.yaml")).isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith("my-rules.yaml:9: rule PORTAL_CA_BLOCK: sumary: unknown field; allowed: ")
                .hasMessageContaining("summary");
    }

    @Test
    void anUnknownFieldInAConditionIsNamed() {
        String file = withLine("app: Azure Portal}", "aplication: Azure Portal}");

        assertThatThrownBy(() -> CatalogueReader.read(file, "f.yaml"))
                .hasMessageStartingWith("f.yaml:8: rule PORTAL_CA_BLOCK: where.aplication: unknown field; allowed: ")
                .hasMessageContaining("appId");
    }

    @Test
    void anUnknownEntityIsNamedWithTheAllowedOnes() {
        assertThatThrownBy(() -> CatalogueReader.read(withLine("entity: user", "entity: device"), "f.yaml"))
                .hasMessageStartingWith("f.yaml:7: rule PORTAL_CA_BLOCK: entity: unknown entity 'device'; allowed: user, address");
    }

    @Test
    void aThresholdThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> CatalogueReader.read(withLine("{suppress: PT1H}", "{suppress: PT1H, threshold: ten}"), "f.yaml"))
                .hasMessage("f.yaml:10: rule PORTAL_CA_BLOCK: params.threshold: a whole number, was 'ten'");
    }

    @Test
    void aDuplicateIdIsRefused() {
        String twice = GOOD + GOOD.substring(GOOD.indexOf("  - id:"));

        assertThatThrownBy(() -> CatalogueReader.read(twice, "f.yaml"))
                .hasMessage("f.yaml:11: rule PORTAL_CA_BLOCK: id: duplicate id: another rule of this file has it");
    }

    @Test
    void aRuleFileCannotRedefineAShippedRule() {
        String lockout = GOOD.replace("PORTAL_CA_BLOCK", "ACCOUNT_LOCKOUT");

        assertThatThrownBy(() -> RuleCatalogue.shipped().plus(lockout, "f.yaml"))
                .hasMessageContaining("f.yaml:2: rule ACCOUNT_LOCKOUT: id: duplicate id: rules.yaml:")
                .hasMessageContaining("rule.ACCOUNT_LOCKOUT.enabled=false");
    }

    @Test
    void aTechniqueIdOfAnotherFormIsRefusedWithTheForm() {
        assertThatThrownBy(() -> CatalogueReader.read(withLine("[T1078.004]", "[T1078.4]"), "f.yaml"))
                .hasMessage("f.yaml:5: rule PORTAL_CA_BLOCK: attack.techniques: 'T1078.4' is not an ATT&CK id: "
                        + "T and four digits, with .NNN for a sub-technique, e.g. T1110.003");
    }

    @Test
    void aRuleThatDetectsAnAttackMustNameItsTechniques() {
        assertThatThrownBy(() -> CatalogueReader.read(withLine("    attack: {tactics: [TA0001], techniques: [T1078.004]}\n", ""),
                "f.yaml")).hasMessageContaining("rule PORTAL_CA_BLOCK: attack: a rule that detects an attack names its MITRE ATT&CK techniques");
    }

    @Test
    void anUnknownCategoryOrShapeIsRefused() {
        assertThatThrownBy(() -> CatalogueReader.read(withLine("CONDITIONAL_ACCESS_BLOCKED", "CA_BLOCKED"), "f.yaml"))
                .hasMessageContaining("where.category: unknown category CA_BLOCKED; allowed: [SUCCESS,");
        assertThatThrownBy(() -> CatalogueReader.read(withLine("shape: match", "shape: sequence"), "f.yaml"))
                .hasMessageContaining("f.yaml:6: rule PORTAL_CA_BLOCK: shape: allowed: match, count, burst-then-success");
    }

    @Test
    void aFileThatIsNotYamlSaysWhereItStopped() {
        assertThatThrownBy(() -> CatalogueReader.read("rules:\n  - id: [unclosed\n", "f.yaml"))
                .hasMessageStartingWith("f.yaml:").hasMessageContaining("not valid YAML");
    }

    @Test
    void anEscalationMustBelongToItsBurst() {
        String burst = """
                rules:
                  - id: MY_BURST
                    title: t
                    severity: LOW
                    attack: {techniques: [T1110]}
                    shape: burst-then-success
                    burst: {category: INVALID_CREDENTIALS}
                    summary: "{count}"
                    escalation: MY_ESCALATION
                """;

        assertThatThrownBy(() -> RuleCatalogue.shipped().plus(burst, "f.yaml"))
                .hasMessageContaining("rule MY_BURST: escalation: names MY_ESCALATION, which must be a rule with shape: escalation");
    }
}
