package org.vhostuser.spec.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.vhostuser.spec.registry.Message;

/**
 * The site in a real browser: Debian's headless chromium, driven through chromedriver, loading
 * the pages from the local preview server. {@code .ci/run} installs both. A screenshot is kept
 * in {@code target/browser-test/} as a test artifact.
 */
class BrowserTest {
  static SiteServer server;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws IOException {
    SharedSite site = SharedSite.get();
    assertThat(site.result.problems()).isEmpty();
    server = SiteServer.start(site.site, 0);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void followsAPermalinkSearchesAndSeesNoConsoleError() throws IOException {
    Message target = SharedSite.get().registry.allMessages()
        .filter(m -> m.name().equals("VHOST_USER_GET_SHMEM_CONFIG")).findFirst().orElseThrow();

    browser.get(server.address().resolve("messages.html").toString());
    browser.findElement(By.cssSelector("a[href='index.html#" + target.name() + "']")).click();
    wait(() -> browser.getCurrentUrl().endsWith("index.html#" + target.name()));
    WebElement card = browser.findElement(By.id(target.name()));
    assertThat(card.isDisplayed()).isTrue();
    assertThat(card.getText()).contains(target.name());
    Object top = browser.executeScript(
        "return arguments[0].getBoundingClientRect().top;", card);
    assertThat(((Number) top).doubleValue()).as("the card is scrolled into view")
        .isBetween(-1.0, 900.0);
    Path artifacts = Files.createDirectories(Path.of("target/browser-test"));
    Files.write(artifacts.resolve("permalink.png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    String word = rarestWord(target);
    WebElement search = browser.findElement(By.id("search-box"));
    search.sendKeys(word);
    wait(() -> !browser.findElements(By.cssSelector("#search-results a")).isEmpty());
    List<String> found = browser.findElements(By.cssSelector("#search-results a")).stream()
        .map(a -> a.getAttribute("href")).toList();
    assertThat(found).anyMatch(href -> href.endsWith("index.html#" + target.name()));

    Files.write(artifacts.resolve("search.png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    for (String page : List.of("index.html", "features.html", "payloads.html", "downloads.html",
        "positions.html")) {
      browser.get(server.address().resolve(page).toString());
    }
    List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertThat(errors).extracting(LogEntry::getMessage).isEmpty();
  }

  /** The word of the message's summary that the fewest other search entries contain. */
  private static String rarestWord(Message message) {
    List<SearchIndex.Entry> entries = SearchIndex.entries(SharedSite.get().registry, "");
    String rarest = null;
    long fewest = Long.MAX_VALUE;
    for (String word : message.summary().toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
      if (word.length() < 4) {
        continue;
      }
      long count = entries.stream().filter(e -> (e.title() + " " + e.text())
          .toLowerCase(java.util.Locale.ROOT).contains(word)).count();
      if (count < fewest) {
        fewest = count;
        rarest = word;
      }
    }
    return rarest;
  }

  /** Polls until the condition holds, for at most ten seconds. */
  private static void wait(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited ten seconds in vain").isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

}
