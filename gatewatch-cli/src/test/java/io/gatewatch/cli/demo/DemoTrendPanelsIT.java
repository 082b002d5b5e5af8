package io.gatewatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's trend panels on the running demo, in Debian's headless Chromium: the breakdown
 * table shows the demo's failures by error code with Microsoft's description, sorts by a column,
 * breaks failures down by user, and a click on a user opens the user's diagnosis; "what rose" lists
 * values with their rise. Saves {@code target/trend-panels.png}.
 */
class DemoTrendPanelsIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void breakdownAndWhatRoseShowTheDemosFailuresAndLeadToAUsersDiagnosis() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver (.ci/run installs them)");
        try (LiveDemo demo = LiveDemo.start(new LiveDemo.Options(100, 3, "127.0.0.1", 0),
                new PrintWriter(new StringWriter()), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,2000");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
            WebDriver browser = new ChromeDriver(service, options);
            try {
                browser.get(demo.dashboard());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
                wait.until(b -> !b.findElements(By.cssSelector("#tenant option")).isEmpty());
                new Select(browser.findElement(By.id("breakdown-by"))).selectByValue("errorCode");
                // the demo's traffic fails from its first minutes; the 30 s refresh brings them if the first load had none
                List<WebElement> codes = wait.until(b -> {
                    List<WebElement> rows = b.findElements(By.cssSelector("#breakdown tbody tr"));
                    return rows.isEmpty() ? null : rows;
                });
                List<WebElement> firstRow = codes.get(0).findElements(By.tagName("td"));
                assertThat(firstRow.get(0).getText()).as("a code with its description").matches("\\d+ \\S.*");
                assertThat(Long.parseLong(firstRow.get(2).getText())).as("failures").isPositive();

                browser.findElement(By.cssSelector("#breakdown th[data-key=signIns]")).click();
                List<Long> signIns = browser.findElements(By.cssSelector("#breakdown tbody tr td:nth-child(2)")).stream()
                        .map(td -> Long.parseLong(td.getText())).toList();
                assertThat(signIns).as("sorted by sign-ins").isSortedAccordingTo((a, b) -> Long.compare(b, a));

                assertThat(wait.until(b -> b.findElements(By.cssSelector("#movers tbody tr")).stream().findFirst()
                        .orElse(null)).getText()).as("what rose: a value and its rise").contains("+");

                new Select(browser.findElement(By.id("breakdown-by"))).selectByValue("user");
                WebElement user = wait.until(b -> b.findElements(By.cssSelector("#breakdown tbody td.entity")).stream()
                        .findFirst().orElse(null));
                String upn = user.getText();
                user.click();
                wait.until(b -> b.findElement(By.id("diagnosis")).getText().contains(upn));
                assertThat(browser.findElement(By.id("diagnosis")).getText()).contains("Recent sign-ins");
                Path screenshot = Path.of("target", "trend-panels.png");
                Files.createDirectories(screenshot.getParent());
                Files.write(screenshot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }
        }
    }
}
