package io.gatewatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's panels on the running demo in Debian's headless Chromium: tenants by name, the
 * charts, breakdown, error codes and "what rose" with the demo's numbers; the range picker moving
 * the charts to hours and days and the breakdown to the chosen range; a table's CSV download with
 * the table's header and rows; and at phone width (390 × 844) every panel visible with nothing
 * wider than the window. Writes {@code docs/dashboard-panels.png} and {@code docs/dashboard-phone.png}.
 */
class DemoDashboardPanelsIT {

    @Test
    void panelsShowTheDemosNumbersAndTheRangePickerChangesTheRange() throws Exception {
        try (DashboardBrowser browser = DashboardBrowser.open(1280, 2200, null)) {
            assertThat(browser.driver.findElement(By.cssSelector("#tenant option")).getText())
                    .as("a tenant by its name, then its id").matches("\\S+\\.\\S+ — \\S+ \\(\\d+ sign-ins, \\d+ failed\\)");
            browser.waitUntil(Duration.ofSeconds(60), b -> failures(b.findElement(By.id("failures-chart"))) > 0);
            List<WebElement> breakdown = browser.rows("breakdown");
            assertThat(Long.parseLong(cells(breakdown.get(0)).get(2))).as("an app's failures").isPositive();
            List<String> code = cells(browser.rows("codes").get(0));
            assertThat(code.get(0)).as("an error code").matches("\\d+");
            assertThat(code.get(1)).as("Microsoft's description").isNotBlank();
            assertThat(code.get(2)).as("Gatewatch's category").matches("[A-Z_]+");
            assertThat(Long.parseLong(code.get(3))).isPositive();
            assertThat(browser.rows("movers").get(0).getText()).as("what rose: a value and its rise").contains("+");
            assertThat(breakdownFrom(browser)).as("the last 6 h by default, from the minutes")
                    .isAfter(Instant.now().minus(Duration.ofHours(6)).minus(Duration.ofMinutes(2)));
            assertThat(browser.driver.findElement(By.id("failures-chart")).getDomAttribute("data-step")).isEqualTo("PT1M");
            browser.screenshot("dashboard-panels.png");

            new Select(browser.driver.findElement(By.id("range"))).selectByValue("P7D");
            browser.waitUntil(Duration.ofSeconds(30), b -> "PT1H".equals(b.findElement(By.id("failures-chart"))
                    .getDomAttribute("data-step")));
            browser.waitUntil(Duration.ofSeconds(30), b -> breakdownFrom(browser)
                    .isBefore(Instant.now().minus(Duration.ofDays(6))));
            new Select(browser.driver.findElement(By.id("range"))).selectByValue("P90D");
            browser.waitUntil(Duration.ofSeconds(30), b -> "P1D".equals(b.findElement(By.id("failures-chart"))
                    .getDomAttribute("data-step")));
            assertThat(browser.driver.findElement(By.id("auto-refresh")).isSelected()).as("auto-refresh on").isTrue();
        }
    }

    @Test
    void aTablesCsvDownloadHoldsItsHeaderAndRows(@TempDir Path downloads) throws Exception {
        try (DashboardBrowser browser = DashboardBrowser.open(1280, 1600, downloads)) {
            browser.rows("breakdown");
            browser.driver.findElement(By.id("auto-refresh")).click(); // paused: the table stays as downloaded
            List<List<String>> table = browser.rows("breakdown").stream().map(DemoDashboardPanelsIT::cells).toList();
            browser.driver.findElement(By.cssSelector("button.csv[data-table=breakdown]")).click();
            Path csv = browser.waitUntil(Duration.ofSeconds(20), b -> {
                try (Stream<Path> files = Files.list(downloads)) {
                    return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(csv.getFileName().toString()).startsWith("gatewatch-breakdown-");
            assertThat(lines.get(0)).isEqualTo("value,sign-ins,failures,failed %,users");
            assertThat(lines).hasSize(table.size() + 1);
            List<String> first = table.get(0);
            assertThat(lines.get(1)).as("the first row as the page shows it")
                    .endsWith("," + first.get(1) + "," + first.get(2) + "," + first.get(3) + "," + first.get(4))
                    .contains(first.get(0));
        }
    }

    @Test
    void atPhoneWidthEveryPanelShowsAndNothingScrollsSideways() throws Exception {
        try (DashboardBrowser browser = DashboardBrowser.open(390, 844, null)) {
            browser.rows("breakdown");
            browser.rows("codes");
            new Select(browser.driver.findElement(By.id("breakdown-by"))).selectByValue("user");
            browser.waitUntil(Duration.ofSeconds(60), b -> !b.findElements(By.cssSelector("#breakdown td.entity")).isEmpty());
            browser.driver.findElement(By.cssSelector("#breakdown td.entity")).click(); // the widest table: recent sign-ins
            browser.waitUntil(Duration.ofSeconds(30), b -> !b.findElements(By.cssSelector("#recent tr")).isEmpty());
            long innerWidth = (Long) browser.script("return window.innerWidth");
            assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                    .as("no sideways scroll of the page").isLessThanOrEqualTo(innerWidth);
            for (WebElement panel : browser.driver.findElements(By.cssSelector("main > section.panel:not([hidden])"))) {
                assertThat(panel.isDisplayed()).as(panel.getText()).isTrue();
                assertThat(panel.getRect().getX() + panel.getRect().getWidth()).as("within the window")
                        .isLessThanOrEqualTo((int) innerWidth);
            }
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("dashboard-phone.png");
        }
    }

    @Test
    void theDailySummaryListsTheDaysFailingAppsUsersAndAlerts() throws Exception {
        try (DashboardBrowser browser = DashboardBrowser.open(1280, 2000, null)) {
            String summary = browser.waitUntil(Duration.ofSeconds(30), b -> {
                String href = b.findElement(By.id("summary-link")).getDomAttribute("href");
                return href.contains("tenant=") ? href : null;
            });
            String tenant = summary.replaceAll(".*tenant=([^&]+).*", "$1");
            browser.driver.get(browser.driver.getCurrentUrl().replaceAll("/[^/]*$", "/") + summary);
            // the day comes from the hour roll-ups, which hold closed minutes: reload until the first ones closed
            browser.waitUntil(Duration.ofSeconds(150), b -> {
                if (!"true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded"))) {
                    return null;
                }
                if (b.findElements(By.cssSelector("#summary-apps tbody tr")).isEmpty()) {
                    b.navigate().refresh();
                    return null;
                }
                return true;
            });
            assertThat(browser.driver.findElement(By.id("summary-title")).getText()).contains(tenant, "(UTC)");
            assertThat(Long.parseLong(cells(browser.rows("summary-apps").get(0)).get(1).replace("≤ ", ""))).isPositive();
            assertThat(cells(browser.rows("summary-users").get(0)).get(0)).contains("@");
            String totals = browser.driver.findElement(By.id("summary-totals")).getText();
            assertThat(totals).matches("\\d+ sign-ins, \\d+ failed.*");
            boolean anyBound = browser.driver.findElements(By.cssSelector("main td")).stream()
                    .anyMatch(cell -> cell.getText().startsWith("≤"));
            assertThat(totals).as("the page names the bounds it shows, and claims exact counts only without them")
                    .contains(anyBound ? "upper bounds" : "breakdowns exact");
            browser.screenshot("dashboard-summary.png");
        }
    }

    private static Instant breakdownFrom(DashboardBrowser browser) {
        String from = browser.driver.findElement(By.id("breakdown-note")).getDomAttribute("data-from");
        return from == null ? Instant.MAX : Instant.parse(from);
    }

    private static long failures(WebElement chart) {
        String failures = chart.getDomAttribute("data-failures");
        return failures == null ? 0 : Long.parseLong(failures);
    }

    static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }
}
