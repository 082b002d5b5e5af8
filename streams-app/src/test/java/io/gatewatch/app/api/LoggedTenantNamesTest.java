package io.gatewatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.aggregate.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tenant with no {@code tenant.<id>.name} is named as its members' sign-ins name it
 * ({@code homeTenantName} where {@code homeTenantId} is the tenant itself), through the real
 * topology's day roll-up (the newest closed minute's name); a guest's home tenant never renames it; a
 * configured name wins.
 */
class LoggedTenantNamesTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private static String signIn(String id, String homeTenant, String homeName, Instant time) {
        return "{\"id\":\"" + id + "\",\"createdDateTime\":\"" + time + "\",\"tenantId\":\"t1\",\"homeTenantId\":\""
                + homeTenant + "\",\"homeTenantName\":\"" + homeName + "\",\"userPrincipalName\":\"" + id
                + "@contoso.com\",\"ipAddress\":\"203.0.113.7\",\"appDisplayName\":\"Teams\",\"status\":{\"errorCode\":0}}";
    }

    @Test
    void aMembersSignInNamesTheTenantAndAGuestsDoesNot() {
        try (BreakdownDriver driver = new BreakdownDriver(Map.of())) {
            driver.pipe(signIn("member", "t1", "Contoso", START));
            driver.pipe(signIn("guest", "t-other", "Fabrikam", START.plusSeconds(90)));
            driver.pipe(signIn("later", "t-other", "Fabrikam", START.plus(Duration.ofMinutes(4)))); // closes both minutes
            assertThat(nameIn(driver)).isEqualTo("Contoso");
        }
    }

    @Test
    void aRenamedTenantShowsItsNewestName() {
        try (BreakdownDriver driver = new BreakdownDriver(Map.of())) {
            driver.pipe(signIn("before", "t1", "Contoso", START));
            driver.pipe(signIn("after", "t1", "Contoso Group", START.plus(Duration.ofMinutes(2))));
            driver.pipe(signIn("closing", "t-other", "Fabrikam", START.plus(Duration.ofMinutes(4))));
            assertThat(nameIn(driver)).isEqualTo("Contoso Group");
        }
    }

    @Test
    void aTenantWhoseSignInsCarryNoNameHasNone() {
        try (BreakdownDriver driver = new BreakdownDriver(Map.of())) {
            driver.signIn("Teams", "a@contoso.com", 0, "Lyon", "FR", START);
            assertThat(nameIn(driver)).isNull();
        }
    }

    @Test
    void aConfiguredNameWinsOverTheLogs() {
        try (BreakdownDriver driver = new BreakdownDriver(Map.of("tenant.t1.name", "Contoso (EU)"))) {
            driver.pipe(signIn("member", "t1", "Contoso", START));
            assertThat(nameIn(driver)).isEqualTo("Contoso (EU)");
        }
    }

    /** The tenant's name as a breakdown of its first five minutes answers it. */
    private static String nameIn(BreakdownDriver driver) {
        return driver.answers(START.plus(Duration.ofMinutes(5)))
                .breakdown("t1", Dimension.APP, START, START.plus(Duration.ofMinutes(5)), 10, false).tenantName();
    }
}
