package io.gatewatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's drill-down and alerts on the running demo in Debian's headless Chromium, by mouse
 * and keyboard: an app's row lists the users who failed on it, Enter on a user opens the user's
 * diagnosis, Escape closes the list; the alert filters (severity, rule) narrow the list to matching
 * alerts, and an alert's detail shows its evidence (correlation ids, addresses, users), ATT&CK ids,
 * triage, response and the KQL and Graph pivots with copy buttons, and closes with Escape. Writes
 * {@code docs/dashboard-drilldown.png} and {@code docs/dashboard-alert.png}.
 */
class DemoDrillDownAndAlertsIT {

    @Test
    void anAppsRowListsItsFailingUsersAndAUserOpensTheDiagnosis() throws Exception {
        try (DashboardBrowser browser = DashboardBrowser.open(1280, 2400, null)) {
            browser.rows("breakdown");
            browser.driver.findElement(By.id("auto-refresh")).click(); // paused: the rows stay as clicked
            WebElement app = browser.rows("breakdown").get(0);
            assertThat(app.findElement(By.tagName("td")).getDomAttribute("class")).isEqualTo("drill");
            app.click();
            List<WebElement> users = browser.rows("drill");
            assertThat(browser.driver.findElement(By.id("drill-title")).getText()).startsWith("Users failing on app");
            long listed = 0;
            for (WebElement user : users) {
                List<String> cells = DemoDashboardPanelsIT.cells(user);
                assertThat(cells.get(0)).as("a user").contains("@");
                listed += Long.parseLong(cells.get(1).replace("≤ ", ""));
            }
            assertThat(listed).as("the listed users' failures").isPositive();
            String firstUser = DemoDashboardPanelsIT.cells(users.get(0)).get(0);
            assertThat(browser.driver.switchTo().activeElement().getText()).as("the first user has the focus")
                    .startsWith(firstUser);
            browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            browser.waitUntil(Duration.ofSeconds(30), b -> b.findElement(By.id("diagnosis")).getText().contains(firstUser));
            assertThat(browser.driver.findElement(By.id("diagnosis")).getText()).contains("Recent sign-ins");
            browser.script("document.getElementById('breakdown-panel').scrollIntoView()");
            browser.screenshot("dashboard-drilldown.png");
            browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            browser.waitUntil(Duration.ofSeconds(5), b -> !b.findElement(By.id("drill-panel")).isDisplayed());
        }
    }

    @Test
    void alertFiltersNarrowTheListAndAnAlertsDetailShowsItsEvidenceAndPivots() throws Exception {
        try (DashboardBrowser browser = DashboardBrowser.open(1280, 2400, null)) {
            // the demo plants an attack every few seconds: wait for a tenant with alerts of two severities
            List<String> tenants = browser.driver.findElements(By.cssSelector("#tenant option")).stream()
                    .map(o -> o.getDomAttribute("value")).toList();
            int[] next = {0};
            browser.waitUntil(Duration.ofSeconds(240), b -> {
                String shown = b.findElement(By.id("alerts")).getDomAttribute("data-tenant");
                if (!new Select(b.findElement(By.id("tenant"))).getFirstSelectedOption().getDomAttribute("value")
                        .equals(shown)) {
                    return null; // the chosen tenant's alerts are on their way
                }
                if (attribute(b, "data-severity").size() >= 2) {
                    return true;
                }
                new Select(b.findElement(By.id("tenant"))).selectByValue(tenants.get(next[0]++ % tenants.size()));
                return null;
            });
            browser.driver.findElement(By.id("auto-refresh")).click();
            int all = alerts(browser.driver).size();
            String severity = alerts(browser.driver).get(0).getDomAttribute("data-severity");
            new Select(browser.driver.findElement(By.id("alert-severity"))).selectByValue(severity);
            assertThat(attribute(browser.driver, "data-severity")).containsExactly(severity);
            assertThat(alerts(browser.driver).size()).as("narrowed").isLessThan(all);
            new Select(browser.driver.findElement(By.id("alert-severity"))).selectByValue("");
            String rule = alerts(browser.driver).get(0).getDomAttribute("data-rule");
            new Select(browser.driver.findElement(By.id("alert-rule"))).selectByValue(rule);
            assertThat(attribute(browser.driver, "data-rule")).containsExactly(rule);
            new Select(browser.driver.findElement(By.id("alert-rule"))).selectByValue("");

            WebElement attack = alerts(browser.driver).stream()
                    .filter(a -> !a.findElements(By.cssSelector(".attack")).isEmpty()).findFirst().orElseThrow();
            browser.script("arguments[0].focus()", attack);
            browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            WebElement detail = browser.waitUntil(Duration.ofSeconds(5), b -> {
                WebElement d = b.findElement(By.id("alert-detail"));
                return d.isDisplayed() ? d : null;
            });
            String text = detail.getText();
            assertThat(text).contains("correlation ids", "ATT&CK techniques", "Response").containsAnyOf("users", "addresses");
            assertThat(text).containsPattern("T\\d{4}");
            assertThat(text).containsPattern("[0-9a-f]{8}-[0-9a-f]{4}-"); // a correlation id
            List<WebElement> pivots = detail.findElements(By.cssSelector(".pivot"));
            assertThat(pivots).hasSize(2);
            assertThat(pivots.get(0).getText()).contains("KQL", "SigninLogs");
            assertThat(pivots.get(1).getText()).contains("graph.microsoft.com");
            assertThat(detail.findElements(By.cssSelector("button.copy"))).hasSize(2);
            browser.script("arguments[0].scrollIntoView()", browser.driver.findElement(By.id("alerts-panel")));
            browser.screenshot("dashboard-alert.png");
            browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            browser.waitUntil(Duration.ofSeconds(5), b -> !b.findElement(By.id("alert-detail")).isDisplayed());
            assertThat(browser.driver.switchTo().activeElement().getTagName()).as("the focus back on the alert")
                    .isEqualTo("li");
        }
    }

    private static List<WebElement> alerts(WebDriver browser) {
        return browser.findElements(By.cssSelector("#alerts li"));
    }

    private static Set<String> attribute(WebDriver browser, String name) {
        return alerts(browser).stream().map(a -> a.getDomAttribute(name)).collect(Collectors.toSet());
    }
}
