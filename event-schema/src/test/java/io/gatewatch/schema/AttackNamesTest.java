package io.gatewatch.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled ATT&CK names: where they are from, well-formed ids, and the ids the rules use. */
class AttackNamesTest {

    @Test
    void theFileSaysWhereTheNamesAreFrom() throws Exception {
        JsonNode file;
        try (InputStream in = AttackNames.class.getResourceAsStream(AttackNames.RESOURCE)) {
            file = new ObjectMapper().readTree(in);
        }
        assertThat(file.get("_source").asText()).contains("MITRE ATT&CK Enterprise").contains(AttackNames.version());
        assertThat(AttackNames.version()).matches("\\d+\\.\\d+");
    }

    @Test
    void everyIdIsOfItsFormAndEverySubTechniquesParentIsNamed() {
        assertThat(AttackNames.all()).isNotEmpty();
        AttackNames.all().forEach((id, name) -> {
            assertThat(name).as(id).isNotBlank();
            if (id.startsWith("TA")) {
                new AttackIds(List.of(id), List.of()); // throws if not of the form
            } else {
                new AttackIds(List.of(), List.of(id));
                if (id.contains(".")) {
                    assertThat(AttackNames.known(id.substring(0, id.indexOf('.')))).as(id + "'s parent").isTrue();
                }
            }
        });
    }

    @Test
    void theIdsGatewatchsRulesUseHaveTheirAttackNames() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("TA0001", "Initial Access"), Map.entry("TA0003", "Persistence"),
                Map.entry("TA0004", "Privilege Escalation"), Map.entry("TA0005", "Defense Evasion"),
                Map.entry("TA0006", "Credential Access"), Map.entry("TA0008", "Lateral Movement"),
                Map.entry("TA0040", "Impact"),
                Map.entry("T1110", "Brute Force"), Map.entry("T1110.001", "Password Guessing"),
                Map.entry("T1110.003", "Password Spraying"), Map.entry("T1110.004", "Credential Stuffing"),
                Map.entry("T1621", "Multi-Factor Authentication Request Generation"),
                Map.entry("T1078", "Valid Accounts"), Map.entry("T1078.004", "Cloud Accounts"),
                Map.entry("T1531", "Account Access Removal"), Map.entry("T1556", "Modify Authentication Process"),
                Map.entry("T1528", "Steal Application Access Token"),
                Map.entry("T1550", "Use Alternate Authentication Material"),
                Map.entry("T1550.001", "Application Access Token"), Map.entry("T1550.004", "Web Session Cookie"),
                Map.entry("T1566", "Phishing"), Map.entry("T1566.002", "Spearphishing Link"),
                Map.entry("T1539", "Steal Web Session Cookie"), Map.entry("T1098", "Account Manipulation"));

        expected.forEach((id, name) -> assertThat(AttackNames.name(id)).as(id).contains(name));
        assertThat(AttackNames.name("T1999")).isEmpty();
        assertThat(AttackNames.known("T1999")).isFalse();
    }
}
