package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.access.ApiKeys;
import io.glossa.access.IssuedKey;
import io.glossa.access.KeyScope;
import io.glossa.access.KeySecrets;
import io.glossa.app.AccessPolicy;
import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.testing.TestRoles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The UI in a real browser against {@code glossa serve --require-api-key}: the page asks for a key, and with it
 * predicts and follows the event stream (key in ?api_key=); the dashboard, which shows every key's traffic, says it
 * needs an admin key and works with one; a revoked key brings the form back.
 */
class UiApiKeyIT {
    @TempDir
    Path dataDir;

    @Test
    void withAKeyPastedOnceThePagesWork() throws Exception {
        try (Running running =
                        Roles.serve(TestRoles.withAccess(TestRoles.embedded(dataDir), AccessPolicy.keysRequired()));
                Browser browser = new Browser()) {
            ApiKeys keys = new ApiKeys(
                    running.store().database().apiKeys(), new KeySecrets(), Clock.systemUTC(), Duration.ZERO);
            IssuedKey issued = keys.issue("ui", Optional.empty());
            String base = "http://127.0.0.1:" + running.port();

            browser.driver.get(base + "/");
            WebElement form = waitFor(browser, d -> d.findElement(By.cssSelector("[data-role=api-key-form]")));
            assertThat(form.getText()).contains("This server needs an API key");
            WebElement input = form.findElement(By.id("api-key"));
            assertThat(input.getAttribute("type")).isEqualTo("password");
            assertThat(browser.driver
                            .findElement(By.cssSelector("label[for=api-key]"))
                            .getText())
                    .isNotBlank();
            input.sendKeys(issued.secret());
            form.findElement(By.cssSelector("[data-role=api-key-save]")).click();

            waitFor(browser, d -> d.findElement(By.id("live")).getText().equals("live")); // the event stream is up
            assertThat(browser.driver.findElements(By.cssSelector("[data-role=api-key-form]")))
                    .isEmpty();
            ((JavascriptExecutor) browser.driver)
                    .executeScript(
                            "arguments[0].value = arguments[1];",
                            browser.driver.findElement(By.id("text")),
                            UiIT.SWEDISH);
            browser.driver.findElement(By.id("submit")).click();
            WebElement result = waitFor(browser, d -> d.findElement(By.id("result-language")));
            assertThat(result.getText()).isEqualTo("Swedish — Svenska");
            String id = result.getAttribute("data-id");
            waitFor(browser, d -> d.findElement(By.cssSelector("#history li[data-id='" + id + "']")));
            browser.screenshot("api-key-predict");

            // same tab: the key is still in sessionStorage, but the dashboard shows every key's traffic
            browser.driver.get(base + "/dashboard.html");
            WebElement admin = waitFor(browser, d -> d.findElement(By.cssSelector("[data-role=api-key-form]")));
            assertThat(admin.getText()).contains("needs an admin key", "glossa keys create --admin");
            waitFor(browser, d -> d.findElement(By.id("status")).getText().equals("needs an admin key"));
            browser.screenshot("api-key-admin-needed");
            IssuedKey operator = keys.issue("ops", Optional.empty(), KeyScope.ADMIN);
            admin.findElement(By.id("api-key")).sendKeys(operator.secret());
            admin.findElement(By.cssSelector("[data-role=api-key-save]")).click();
            waitFor(browser, d -> d.findElement(By.id("status")).getText().equals("live"));
            assertThat(browser.driver.findElements(By.cssSelector("[data-role=api-key-form]")))
                    .isEmpty();

            keys.revoke(operator.key().id());
            browser.driver.get(base + "/");
            WebElement again = waitFor(browser, d -> d.findElement(By.cssSelector("[data-role=api-key-form]")));
            assertThat(again.getText()).contains("was refused");
            browser.screenshot("api-key-refused");
        }
    }

    private static <T> T waitFor(Browser browser, java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }
}
