package org.vhostuser.spec.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless chromium for the browser tests, driven through Debian's chromedriver (both
 * installed by {@code .ci/run}; never a downloaded browser), with a fresh profile and no traffic
 * of its own; and the pages of a built site, found on disk so that a new page is tested too.
 */
final class Chromium {
  /** Where the browser tests keep screenshots and reports, as artifacts of the test job. */
  static final Path ARTIFACTS = Path.of("target/browser-test");

  private Chromium() {}

  /** A browser whose viewport is {@code width} by {@code height} CSS pixels. */
  static ChromeDriver start(int width, int height) {
    try {
      ChromeOptions options = new ChromeOptions();
      options.setBinary("/usr/bin/chromium");
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
          "--disable-background-networking", "--disable-component-update", "--no-first-run",
          "--disable-sync", "--window-size=" + width + "," + height,
          "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort()
          .build();
      ChromeDriver browser = new ChromeDriver(service, options);
      browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(4));
      browser.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(1));
      return browser;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets the viewport (not the window) to {@code width} CSS pixels wide. */
  static void viewport(ChromeDriver browser, int width, int height) {
    browser.manage().window().setSize(new Dimension(width, height));
    Number inner = (Number) browser.executeScript("return window.innerWidth;");
    if (inner.intValue() != width) {
      browser.manage().window().setSize(
          new Dimension(2 * width - inner.intValue(), height));
    }
    assertThat(((Number) browser.executeScript("return window.innerWidth;")).intValue())
        .as("viewport width").isEqualTo(width);
  }

  /** Every HTML page below {@code site}, as paths relative to it, in a stable order. */
  static List<String> pages(Path site) {
    try (Stream<Path> walk = Files.walk(site)) {
      return walk.filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p))
          .map(p -> site.relativize(p).toString().replace('\\', '/')).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls until the condition holds, for at most ten seconds. */
  static void waitFor(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited ten seconds for " + what).isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The folder of the npm packages the browser checks use, installed by {@code .ci/run}. */
  static Path npmPackages() {
    Path folder = Path.of("browser/node_modules").toAbsolutePath();
    assertThat(folder.resolve("axe-core/axe.min.js"))
        .as("axe-core and lighthouse are missing: run `npm ci --prefix tooling/site/browser`"
            + " (.ci/run does)").isRegularFile();
    return folder;
  }
}
