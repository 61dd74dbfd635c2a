package io.glossa.it;

import io.glossa.testing.RequiredTool;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through /usr/bin/chromedriver. Both paths are given explicitly, so Selenium
 * Manager is never run and nothing is downloaded.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("glossa.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("glossa.chromedriver", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    final Path downloads;

    Browser() throws IOException {
        RequiredTool.requireExecutable(CHROMIUM, "chromium");
        RequiredTool.requireExecutable(CHROMEDRIVER, "chromium-driver");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        profile = Files.createTempDirectory("glossa-ui-chromium");
        downloads = Files.createDirectories(profile.resolve("downloads"));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-default-apps",
                "--disable-extensions",
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "prefs",
                java.util.Map.of(
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false,
                        "safebrowsing.enabled",
                        false));
        // an alert() must stay open so a test can see it (XSS checks), not be dismissed silently
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /**
     * Waits for a finished, non-empty download of that name. Chromium may reserve the name with an empty file first,
     * writes into a *.crdownload file and renames it onto the name at the end: the name alone can be there too soon.
     */
    Path awaitDownload(String name, Duration timeout) throws InterruptedException, IOException {
        Path file = downloads.resolve(name);
        long end = System.nanoTime() + timeout.toNanos();
        while (!isFinished(file) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        if (!isFinished(file)) {
            throw new AssertionError("no finished download " + name + " in " + downloads + ": "
                    + (Files.exists(file) ? Files.size(file) + " bytes" : "absent"));
        }
        return file;
    }

    private boolean isFinished(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (var inProgress = Files.list(downloads)) {
            return inProgress.noneMatch(path -> path.getFileName().toString().endsWith(".crdownload"));
        }
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A PNG of the viewport under target/ui-screenshots/. */
    Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "ui-screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
