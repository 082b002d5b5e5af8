package io.gatewatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.docs.RepositoryRoot;
import io.gatewatch.schema.read.JsonMappers;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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
 * The running demo as its users meet it: the API answers on loopback only (401 without the token, tenants, trend
 * points with counts, alerts, a diagnosis for a user named in an alert, ready), and a real headless
 * Chromium shows the dashboard's charts with data, an alert, and a diagnosis, saving a screenshot
 * to {@code target/dashboard.png} and to {@code docs/dashboard.png}, the image the README shows.
 */
class DemoDashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static LiveDemo demo;
    private static String base;
    private static String token;
    private static String tenantWithAlert;
    private static String alertedUser;
    private static String alertedRule;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startDemoAndWaitForAnAlert() throws Exception {
        demo = LiveDemo.start(new LiveDemo.Options(100, 3, "127.0.0.1", 0), new PrintWriter(new StringWriter()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        URI dashboard = URI.create(demo.dashboard());
        base = "http://127.0.0.1:" + dashboard.getPort();
        token = dashboard.getFragment().substring("token=".length());
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && alertedUser == null) {
            Thread.sleep(2_000);
            for (JsonNode tenant : get(client, "/api/v1/tenants")) {
                for (JsonNode alert : get(client, "/api/v1/tenants/" + tenant.get("tenantId").asText() + "/alerts")) {
                    if (alert.get("entity").get("type").asText().equals("user")) {
                        tenantWithAlert = tenant.get("tenantId").asText();
                        alertedUser = alert.get("entity").get("value").asText();
                        alertedRule = alert.get("rule").asText();
                    }
                }
            }
        }
        assertThat(alertedUser).as("a user alert within two minutes of demo traffic").isNotNull();
    }

    @AfterAll
    static void stopDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void theApiAnswersWithTheDemoToken() throws Exception {
        assertThat(send("/api/v1/tenants", null).statusCode()).isEqualTo(401);
        assertThat(send("/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(get(http, "/api/v1/tenants")).hasSize(3);
        long total = 0;
        for (JsonNode point : get(http, "/api/v1/tenants/" + tenantWithAlert + "/trends").get("points")) {
            total += point.get("total").asLong();
        }
        assertThat(total).as("sign-ins in the trend points").isPositive();
        JsonNode diagnosis = get(http, "/api/v1/tenants/" + tenantWithAlert + "/users/"
                + URLEncoder.encode(alertedUser, StandardCharsets.UTF_8) + "/diagnosis");
        assertThat(diagnosis.get("recentSignIns")).isNotEmpty();
        assertThat(diagnosis.get("status").asText()).isIn("ok", "problem", "alert");
        assertThat(diagnosis.get("alerts")).as("the helpdesk sees the alert raised on the user")
                .anySatisfy(alert -> assertThat(alert.get("rule").asText()).isEqualTo(alertedRule));
        assertThat(send("/metrics", null).body()).contains("gatewatch_ingest_events");
    }

    @Test
    void theApiListensOnLoopbackOnly() throws IOException {
        InetAddress external = null;
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (nic.isUp() && !address.isLoopbackAddress() && address instanceof Inet4Address) {
                    external = address;
                }
            }
        }
        Assumptions.assumeTrue(external != null, "a network interface besides loopback");
        int port = URI.create(base).getPort();
        try (Socket local = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(local.isConnected()).isTrue();
        }
        InetAddress other = external;
        assertThatThrownBy(() -> new Socket(other, port).close()).as("the demo's API from another interface")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aBrowserShowsChartsAnAlertAndADiagnosis() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1600");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(demo.dashboard());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(b -> !b.findElements(By.cssSelector("#tenant option")).isEmpty());
            new Select(browser.findElement(By.id("tenant"))).selectByValue(tenantWithAlert);
            wait.until(b -> Long.parseLong(b.findElement(By.id("failures-chart")).getDomAttribute("data-failures") == null
                    ? "0" : b.findElement(By.id("failures-chart")).getDomAttribute("data-failures")) > 0);
            assertThat(browser.findElements(By.cssSelector("#failures-chart canvas"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("#rate-chart canvas"))).isNotEmpty();
            WebElement alert = wait.until(b -> b.findElements(By.cssSelector("#alerts li .entity")).stream().findFirst()
                    .orElse(null));
            assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").doesNotContain(token);
            alert.click();
            wait.until(b -> !b.findElements(By.cssSelector("#checklist tr")).isEmpty());
            assertThat(browser.findElement(By.id("diagnosis")).getText()).contains("Recent sign-ins", "not-locked-out");
            assertThat(browser.findElements(By.cssSelector("#diagnosis-alerts li.diagnosis-alert")))
                    .as("the security alerts on the user, above the checklist").isNotEmpty();
            byte[] screenshot = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "dashboard.png"), screenshot);
            // the README's image is this test's output, so it shows the dashboard as it is
            Files.write(RepositoryRoot.find().resolve("docs").resolve("dashboard.png"), screenshot);
        } finally {
            browser.quit();
        }
    }

    private static JsonNode get(HttpClient client, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JsonMappers.internal().readTree(response.body());
    }

    private HttpResponse<String> send(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
