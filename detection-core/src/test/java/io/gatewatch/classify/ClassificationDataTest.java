package io.gatewatch.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.schema.Category;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationDataTest {

    private static InputStream text(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bundledDataDescribesEveryCategory() {
        ClassificationData data = ClassificationData.defaults();
        for (Category category : Category.values()) {
            assertThat(data.info(category)).as(category.name()).isNotNull();
        }
        assertThat(data.regions().hosts()).hasSizeGreaterThanOrEqualTo(20);
    }

    /** Microsoft's datacenter-region table (Power Platform admin: "new datacenter regions"). */
    @ParameterizedTest
    @CsvSource({"crm.dynamics.com, NAM", "crm2.dynamics.com, SAM", "crm3.dynamics.com, CAN", "crm4.dynamics.com, EMEA",
            "crm5.dynamics.com, APAC", "crm6.dynamics.com, OCE", "crm7.dynamics.com, JPN", "crm8.dynamics.com, IND",
            "crm11.dynamics.com, GBR", "crm12.dynamics.com, FRA", "crm14.dynamics.com, ZAF", "crm15.dynamics.com, UAE",
            "crm16.dynamics.com, GER", "crm17.dynamics.com, CHE", "crm19.dynamics.com, NOR", "crm21.dynamics.com, KOR"})
    void regionHostsMapToTheirRegions(String host, String region) {
        assertThat(ClassificationData.defaults().regions().regionOf(host)).contains(region);
    }

    @Test
    void aCodeListedTwiceIsRejected() {
        String codes = """
                {"codes":[{"codes":[1],"category":"SUCCESS"},{"codes":[1],"category":"OTHER_FAILURE"}],
                 "unknownCode":{"category":"OTHER_FAILURE"},"dynamics":{"missingRoleCodes":[],"missingRoleMessages":[]}}
                """;
        assertThatThrownBy(() -> ClassificationData.load(text(codes),
                getClass().getResourceAsStream("/gatewatch/categories.json"), text("{\"regions\":[]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("error code 1 is listed twice");
    }

    @Test
    void aChangedCodeTableChangesTheClassification() throws Exception {
        String codes = """
                {"codes":[{"codes":[50126],"category":"ACCOUNT_LOCKED"}],
                 "unknownCode":{"category":"OTHER_FAILURE"},"dynamics":{"missingRoleCodes":[],"missingRoleMessages":[]}}
                """;
        ClassificationData data = ClassificationData.load(text(codes),
                getClass().getResourceAsStream("/gatewatch/categories.json"), text("{\"regions\":[]}"));
        assertThat(new SignInClassifier(data).classify(SignIns.withCode(50126)).category())
                .isEqualTo(Category.ACCOUNT_LOCKED);
    }
}
