package io.gatewatch.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorCodeDescriptionsTest {

    private final ErrorCodeDescriptions descriptions = ErrorCodeDescriptions.defaults();

    @Test
    void everyCodeTheClassifierKnowsHasADescription() {
        List<Integer> undescribed = new ArrayList<>();
        ClassificationData.defaults().byCode().keySet().forEach(code -> {
            if (descriptions.of(code) == null) {
                undescribed.add(code);
            }
        });

        assertThat(undescribed).as("codes shown as bare numbers beside their category").isEmpty();
    }

    @Test
    void aDynamicsMissingRoleIsDescribedUnderItsSignedNumberAsReadersStoreIt() {
        int missingRole = (int) Long.parseLong(ClassificationData.defaults().dynamicsErrors().missingRoleCodes().get(0)
                .substring(2), 16);

        assertThat(missingRole).isEqualTo(-2147209463);
        assertThat(descriptions.of(missingRole)).startsWith("UserNotAssignedRoles");
    }

    @Test
    void aCodeTheFileDoesNotListHasNoDescription() {
        assertThat(descriptions.of(999_999_999)).isNull();
    }
}
