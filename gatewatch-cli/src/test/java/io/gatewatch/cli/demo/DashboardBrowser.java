package io.gatewatch.cli.demo;

import io.gatewatch.docs.RepositoryRoot;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's browser tests' shared parts: one running demo for every test class of this JVM
 * (started on first use, stopped when the JVM exits: a demo takes a minute of the machine to warm
 * up), Debian's headless Chromium at a given window size with downloads into a directory, waits,
 * and screenshots written to {@code target/} and to {@code docs/}, where the README and
 * docs/api.md#dashboard show them.
 */
final class DashboardBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static LiveDemo demo;

    final ChromeDriver driver;

    private DashboardBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** The shared demo: three tenants at 100 sign-ins/s with attacks planted, on loopback. */
    static synchronized LiveDemo demo() throws IOException, InterruptedException {
        assumeChromium();
        if (demo == null) {
            demo = LiveDemo.start(new LiveDemo.Options(100, 3, "127.0.0.1", 0), new PrintWriter(new StringWriter()),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            LiveDemo started = demo;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "dashboard-it-demo-stop"));
        }
        return demo;
    }

    /** Skips where Debian's Chromium is missing; CI installs it, so every browser test runs there. */
    private static void assumeChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver (.ci/run installs them)");
    }

    /** The demo's dashboard in a headless Chromium window of this size, once it lists the demo's tenants. */
    static DashboardBrowser open(int width, int height, Path downloads) throws IOException, InterruptedException {
        DashboardBrowser browser = at(demo().dashboard(), width, height, downloads);
        // the first test of a JVM starts the demo: its first minute window may take a while on two busy cores
        browser.waitUntil(Duration.ofSeconds(150), b -> !b.findElements(By.cssSelector("#tenant option")).isEmpty());
        return browser;
    }

    /** A headless Chromium window of this size at {@code url}; downloads go to {@code downloads}. */
    static DashboardBrowser at(String url, int width, int height, Path downloads) {
        assumeChromium();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                "--window-size=" + width + "," + height);
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        DashboardBrowser browser = new DashboardBrowser(new ChromeDriver(service, options));
        if (downloads != null) { // headless Chromium takes the directory from the DevTools call, not only the prefs
            browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        }
        browser.driver.get(url);
        return browser;
    }

    <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The rows of a table's body once it has some: the demo's traffic fills each within two minutes. */
    List<WebElement> rows(String tableId) {
        return waitUntil(Duration.ofSeconds(150), b -> {
            List<WebElement> rows = b.findElements(By.cssSelector("#" + tableId + " tbody tr"));
            return rows.isEmpty() ? null : rows;
        });
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Saves what the window shows as {@code target/<name>} and {@code docs/<name>}. */
    void screenshot(String name) throws IOException {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", name), png);
        Files.write(RepositoryRoot.find().resolve("docs").resolve(name), png);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
