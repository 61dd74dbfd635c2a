package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.app.ServeSettings;
import io.glossa.pipeline.FeedbackLabel;
import io.glossa.pipeline.SubmissionLimits;
import io.glossa.testing.TestRoles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser (Debian's headless Chromium) against a real embedded {@code glossa serve}:
 * the demo, history, feedback, batch upload and download, the dashboard, and XSS payloads shown as text.
 * Screenshots of every page go to target/ui-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiIT {
    static final String SWEDISH = "Det var en gång en liten flicka som bodde i en stuga vid skogen tillsammans med sin "
            + "mormor. Varje morgon gick hon ner till sjön för att hämta vatten, och på vägen hem plockade hon blåbär.";
    static final List<String> XSS = List.of("<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>");

    @TempDir
    static Path dataDir;

    @TempDir
    static Path files;

    private Running running;
    private ApiClient api;
    private Browser browser;
    private String base;

    @BeforeAll
    void start() throws Exception {
        ServeSettings embedded = TestRoles.embedded(dataDir);
        running = Roles.serve(TestRoles.withHttp(
                embedded.withWorker(TestRoles.worker(4)),
                // below the page's chunk of 500: uploads must split their chunks to get through
                http -> http.withLimits(new SubmissionLimits(SubmissionLimits.DEFAULT.maxTextBytes(), 300))));
        api = new ApiClient(running.port());
        base = "http://127.0.0.1:" + running.port();
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (running != null) {
                running.close();
            }
        }
    }

    @BeforeEach
    void desktopSize() {
        browser.resize(1280, 1000);
    }

    @Test
    void aSwedishParagraphShowsSwedishSvenska() {
        open("/");
        assertThat(browser.driver.getTitle()).isEqualTo("Language Prediction");
        assertThat(browser.driver.findElement(By.cssSelector("label[for=text]")).getText())
                .isNotBlank();
        assertThat(browser.driver.findElement(By.id("result")).getAttribute("aria-live"))
                .isEqualTo("polite");

        WebElement result = predict(SWEDISH, false);
        assertThat(result.getText()).isEqualTo("Swedish — Svenska");
        assertThat(text("[data-role=probability]")).matches("\\d+\\.\\d %");
        assertThat(browser.driver.findElements(By.cssSelector("[data-role=alternatives] li")))
                .hasSize(3);
        assertThat(text("[data-role=model]")).startsWith("Model ").doesNotEndWith("—");
        assertThat(text("[data-role=latency]")).matches("Latency \\d+ ms .*");
        waitFor(d -> !d.findElements(By.cssSelector("#history li[data-id='" + result.getAttribute("data-id") + "']"))
                .isEmpty());
        browser.screenshot("predict");

        browser.resize(390, 844); // a phone: nothing may stick out sideways
        Object overflow = js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        browser.screenshot("predict-phone");
    }

    @Test
    void ctrlEnterSubmitsAndFeedbackIsStoredWithItsText() {
        open("/");
        WebElement result = predict(SWEDISH + " Ctrl+Enter.", true);
        String id = result.getAttribute("data-id");

        browser.driver
                .findElement(By.cssSelector("#result [data-role=feedback-open]"))
                .click();
        WebElement picker = waitFor(d -> d.findElement(By.cssSelector("#result [data-role=feedback-language]")));
        assertThat(browser.driver
                        .findElement(By.cssSelector("#result label[for='" + picker.getAttribute("id") + "']"))
                        .getText())
                .isNotBlank();
        new Select(picker).selectByValue("no");
        browser.driver
                .findElement(By.cssSelector("#result [data-role=feedback-save]"))
                .click();
        waitFor(d -> d.findElement(By.cssSelector("#result .saved"))
                .getText()
                .equals("Thanks — saved as Norwegian (Bokmål) — Norsk (Bokmål)."));
        browser.screenshot("feedback");

        List<FeedbackLabel> labels =
                running.store().database().feedback(Clock.systemUTC()).labels(0, 1000);
        assertThat(labels)
                .filteredOn(l -> l.textId().toString().equals(id))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.language()).isEqualTo("no");
                    assertThat(l.text()).isEqualTo(SWEDISH + " Ctrl+Enter.");
                    assertThat(l.createdAt()).isNotNull();
                });
    }

    @Test
    void historyUpdatesLiveFromTheEventStream() throws Exception {
        open("/");
        waitFor(d -> d.findElement(By.id("live")).getText().equals("live"));
        String id = api.submit("Dies ist ein ganz gewöhnlicher deutscher Satz über das Wetter von heute und morgen.");
        WebElement item = waitFor(d -> d.findElement(By.cssSelector("#history li[data-id='" + id + "']")));
        waitFor(d -> d.findElement(By.cssSelector("#history li[data-id='" + id + "'] [data-role=outcome]"))
                .getText()
                .startsWith("German — Deutsch"));
        assertThat(item.findElement(By.cssSelector(".text")).getText()).startsWith("Dies ist ein ganz");
    }

    @Test
    void xssPayloadsShowAsText() {
        open("/");
        for (String payload : XSS) {
            WebElement result = predict(payload, false);
            String id = result.getAttribute("data-id");
            WebElement shown = waitFor(d -> d.findElement(By.cssSelector("#history li[data-id='" + id + "'] .text")));
            assertThat(shown.getText()).isEqualTo(payload);
            assertNoAlert();
        }
        assertThat(browser.driver.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("main script"))).isEmpty();
        browser.screenshot("xss");

        // the same payloads in a batch upload's preview table
        Path upload = write("xss.txt", String.join("\n", XSS) + "\n");
        open("/batch.html");
        browser.driver.findElement(By.id("file")).sendKeys(upload.toString());
        waitFor(d -> d.findElement(By.id("run")).isEnabled());
        browser.driver.findElement(By.id("run")).click();
        waitFor(d -> "100".equals(d.findElement(By.id("progress-text")).getAttribute("data-percent")));
        List<WebElement> cells = browser.driver.findElements(By.cssSelector("#preview td.text"));
        assertThat(cells).extracting(WebElement::getText).containsExactlyElementsOf(XSS);
        assertThat(browser.driver.findElements(By.tagName("img"))).isEmpty();
        assertNoAlert();
    }

    @Test
    void aThousandLineBatchReachesHundredPercentAndDownloadsAThousandRows() throws Exception {
        List<String> texts = TestTexts.sentences(1_000);
        Path upload = write("thousand.txt", String.join("\n", texts) + "\n");
        open("/batch.html");
        browser.driver.findElement(By.id("file")).sendKeys(upload.toString());
        waitFor(d -> d.findElement(By.id("parsed")).getText().contains("1000 texts"));
        browser.driver.findElement(By.id("run")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(180))
                .until(d -> "1000".equals(d.findElement(By.id("progress")).getAttribute("value")));
        waitFor(d -> d.findElement(By.id("downloads")).isDisplayed());
        assertThat(text("#progress-text")).contains("1000 of 1000 done (100%)");
        System.out.println("UiIT batch of 1,000 lines in the browser: " + text("#progress-text"));
        browser.screenshot("batch");

        String csv = download("download-csv");
        List<List<String>> rows = Csv.parse(csv);
        assertThat(rows.get(0))
                .containsExactly(
                        "row",
                        "text",
                        "status",
                        "language",
                        "name",
                        "native",
                        "probability",
                        "model_version",
                        "id",
                        "error");
        assertThat(rows).hasSize(1_001);
        for (int i = 0; i < 1_000; i++) {
            List<String> row = rows.get(i + 1);
            assertThat(row.get(0)).isEqualTo(String.valueOf(i + 1));
            assertThat(row.get(1)).isEqualTo(texts.get(i));
            assertThat(row.get(2)).isEqualTo("done");
            assertThat(row.get(3)).isNotBlank();
        }

        String[] jsonl = download("download-jsonl").split("\n");
        assertThat(jsonl).hasSize(1_000);
        for (int i = 0; i < 1_000; i++) {
            JsonNode row = ApiClient.JSON.readTree(jsonl[i]);
            assertThat(row.get("row").asInt()).isEqualTo(i + 1);
            assertThat(row.get("text").asText()).isEqualTo(texts.get(i));
            assertThat(row.get("status").asText()).isEqualTo("done");
            // the download says what the API says
            if (i % 250 == 0) {
                JsonNode stored = ApiClient.read(
                        api.get("/api/v1/texts/" + row.get("id").asText()).body());
                assertThat(row.get("language").asText())
                        .isEqualTo(stored.get("language").asText());
            }
        }
    }

    @Test
    void aTextTooLargeForTheApiBecomesAFailedRowAndTheRestRuns() throws Exception {
        String huge = "ab ".repeat(40_000); // 120 kB, over --max-text-bytes (100 kB)
        Path upload = write("huge.txt", "Hej, hur mår du idag?\n" + huge + "\nGood morning, how are you today?\n");
        open("/batch.html");
        browser.driver.findElement(By.id("file")).sendKeys(upload.toString());
        waitFor(d -> d.findElement(By.id("run")).isEnabled());
        browser.driver.findElement(By.id("run")).click();
        waitFor(d -> d.findElement(By.id("downloads")).isDisplayed());
        assertThat(text("#progress-text")).contains("3 of 3 done (100%)");
        String[] rows = download("download-jsonl").split("\n");
        assertThat(rows).hasSize(3);
        assertThat(ApiClient.JSON.readTree(rows[0]).get("status").asText()).isEqualTo("done");
        JsonNode refused = ApiClient.JSON.readTree(rows[1]);
        assertThat(refused.get("status").asText()).isEqualTo("failed");
        assertThat(refused.get("error").asText()).startsWith("not submitted: ").contains("100000");
        assertThat(ApiClient.JSON.readTree(rows[2]).get("language").asText()).isEqualTo("en");
    }

    @Test
    void batchFilesInCsvTsvAndJsonLinesAreRead() {
        open("/batch.html");
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) js("""
                const csv = batchParse.parse('a.csv', 'id,text,lang\\n1,"Hej, du",sv\\n2,"say ""hi""\\nthere",en\\n');
                const tsv = batchParse.parse('a.tsv', '1\\tsv\\tHej då\\n2\\ten\\tBye\\n');
                const jsonl = batchParse.parse('a.jsonl', '{"text":"Ett"}\\n\\n{"text":"Två","x":1}\\n');
                const lines = batchParse.parse('a.txt', 'one\\r\\n\\r\\nthree\\n');
                return {csv: csv.items.map(i => i.text), tsv: tsv.items.map(i => i.text),
                        jsonl: jsonl.items.map(i => i.text), lines: lines.items.map(i => i.line + ':' + i.text)};
                """);
        assertThat(parsed.get("csv")).isEqualTo(List.of("Hej, du", "say \"hi\"\nthere"));
        assertThat(parsed.get("tsv")).isEqualTo(List.of("Hej då", "Bye"));
        assertThat(parsed.get("jsonl")).isEqualTo(List.of("Ett", "Två"));
        assertThat(parsed.get("lines")).isEqualTo(List.of("1:one", "3:three"));
    }

    @Test
    void theDashboardChartsDrawData() throws Exception {
        open("/dashboard.html");
        // traffic while the page polls, so rates and recent percentiles exist
        for (int round = 0; round < 6; round++) {
            api.submitAll(TestTexts.sentences(40), 8);
            Thread.sleep(500);
        }
        for (String chart : List.of("throughput", "latency", "queues", "consumers", "languages")) {
            waitFor(d -> Integer.parseInt(d.findElement(By.id(chart)).getAttribute("data-points")) > 0);
            // pixels in the series colours (blue, red, green of charts.js) below the legend: lines or bars, not grid;
            // waited for, since a chart redrawn each second may have only its first short segment yet
            Long inked = waitFor(d -> {
                long pixels = seriesPixels(chart);
                return pixels > 10 ? pixels : null;
            });
            assertThat(inked).as(chart + " has series pixels").isGreaterThan(10);
        }
        assertThat(text("#model")).isNotEqualTo("—");
        assertThat(text("#workers")).matches("realtime \\d+ · batch \\d+");
        assertThat(text("#latency-summary")).contains("p99");
        browser.screenshot("dashboard");
        browser.resize(390, 1400);
        Thread.sleep(1_500); // the next poll redraws the charts at the new width
        browser.screenshot("dashboard-phone");
    }

    @Test
    void theDashboardOpensWithTheTrafficOfTheMinutesBefore() throws Exception {
        open("/"); // away from the dashboard while the traffic runs
        long before = Instant.now().getEpochSecond() - 1;
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < 5; round++) { // five seconds of traffic
            ids.addAll(api.submitAll(TestTexts.sentences(60), 8));
            Thread.sleep(1_000);
        }
        api.awaitAll(ids, Duration.ofSeconds(60));
        Thread.sleep(2_000); // the sampler's next second has passed: the traffic is history

        open("/dashboard.html");
        waitFor(d -> d.findElement(By.id("status")).getText().equals("live")); // the first poll is drawn
        for (String chart : List.of("throughput", "latency")) {
            assertThat(Integer.parseInt(attribute(chart, "data-points")))
                    .as(chart + " points")
                    .isGreaterThan(5);
            // nothing ran since the page opened: a line above zero can only be the traffic before
            assertThat(Double.parseDouble(attribute(chart, "data-max")))
                    .as(chart + " max")
                    .isGreaterThan(0);
            assertThat(seriesPixels(chart)).as(chart + " has series pixels").isGreaterThan(10);
        }
        assertThat(text("#throughput-summary")).startsWith("accepted ");
        browser.screenshot("dashboard-on-open");

        // the same record through the API: the seconds of the traffic add up to the texts sent
        JsonNode history = ApiClient.read(
                        api.get("/api/v1/stats?history_after=" + before).body())
                .get("history");
        double accepted = 0;
        for (JsonNode perSecond : history.get("accepted")) {
            accepted += perSecond.asDouble();
        }
        // each second's value is rounded to a thousandth
        assertThat(accepted).as("texts accepted per the history").isCloseTo(ids.size(), within(0.05));
    }

    // ------------------------------------------------------------------ helpers

    private void open(String path) {
        browser.driver.get(base + path);
        assertNoAlert();
    }

    /** Types the text, submits (button or Ctrl+Enter), waits for the result's language line. */
    private WebElement predict(String value, boolean ctrlEnter) {
        WebElement area = browser.driver.findElement(By.id("text"));
        area.clear();
        // JS sets the value: sendKeys would type '\n' as Enter and is slow for long texts
        js("arguments[0].value = arguments[1];", area, value);
        String before = browser.driver.findElements(By.id("result-language")).isEmpty()
                ? ""
                : browser.driver.findElement(By.id("result-language")).getAttribute("data-id");
        if (ctrlEnter) {
            area.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        } else {
            browser.driver.findElement(By.id("submit")).click();
        }
        return waitFor(d -> {
            List<WebElement> found = d.findElements(By.id("result-language"));
            return found.isEmpty() || found.get(0).getAttribute("data-id").equals(before) ? null : found.get(0);
        });
    }

    /** Clicks a download link as a user would and reads the file Chromium saved. */
    private String download(String linkId) throws Exception {
        WebElement link = browser.driver.findElement(By.id(linkId));
        String name = link.getAttribute("download");
        Files.deleteIfExists(browser.downloads.resolve(name));
        link.click();
        return Files.readString(browser.awaitDownload(name, Duration.ofSeconds(30)), StandardCharsets.UTF_8);
    }

    private void assertNoAlert() {
        try {
            String text = browser.driver.switchTo().alert().getText();
            throw new AssertionError("an alert opened: " + text);
        } catch (NoAlertPresentException expected) {
            // no script ran
        }
    }

    private long seriesPixels(String chart) {
        Object inked = js(
                "const c = document.getElementById(arguments[0]);"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "const near = (i, r, g, b) => Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 40;"
                        + "const below = 4 * c.width * Math.ceil(22 * (window.devicePixelRatio || 1));" // under the
                        // legend
                        + "let n = 0; for (let i = below; i < d.length; i += 4) if (d[i + 3] > 200 && (near(i, 31, 111, 235)"
                        + " || near(i, 209, 36, 47) || near(i, 26, 127, 55))) n++; return n;",
                chart);
        return ((Number) inked).longValue();
    }

    private String attribute(String id, String name) {
        return browser.driver.findElement(By.id(id)).getAttribute(name);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, args);
    }

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    private <T> T waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        try {
            return new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            // say what the page showed: status lines, errors, and a screenshot
            Path shot = browser.screenshot("failure-" + System.currentTimeMillis());
            Object state = js("return Array.from(document.querySelectorAll('#progress-text, #batch-error, #parsed, "
                    + "#result, #history-error, #dashboard-error, #live, #status')).map(e => e.id + ': '"
                    + " + e.textContent.trim().slice(0, 300)).join(' | ');");
            Object probe = ((JavascriptExecutor) browser.driver)
                    .executeAsyncScript("const done = arguments[0];"
                            + "const t = performance.now(); fetch('/api/v1/languages').then(r => done('probe ' + r.status + ' in '"
                            + " + Math.round(performance.now() - t) + ' ms; ' + performance.getEntriesByType('resource')"
                            + ".map(e => e.name.replace(location.origin, '') + '=' + Math.round(e.duration)).join(',')),"
                            + " e => done('probe failed ' + e));");
            state = state + " | " + probe;
            throw new AssertionError(
                    "timed out on " + browser.driver.getCurrentUrl() + " — " + state + " (" + shot + ")", e);
        }
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** RFC 4180, enough to read the page's CSV back. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r') {
                    continue;
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            return rows;
        }
    }
}
