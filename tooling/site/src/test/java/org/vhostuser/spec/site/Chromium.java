package org.vhostuser.spec.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  /** A line of {@code .ci/packages} that pins an npm package: its name and version. */
  private static final Pattern NPM_PIN =
      Pattern.compile("^npm:([a-z0-9@/._-]+)@([0-9][^\\s#]*)");

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

  /**
   * The folder of the npm packages the browser checks use: npm's global one, where
   * {@code .ci/install} puts them, each in the version {@code .ci/packages} pins.
   */
  static Path npmPackages() {
    Path folder = globalNpmFolder();
    try {
      for (String line : Files.readAllLines(SharedSite.ROOT.resolve(".ci/packages"))) {
        Matcher pin = NPM_PIN.matcher(line);
        if (pin.find()) {
          Path manifest = folder.resolve(pin.group(1)).resolve("package.json");
          assertThat(manifest).as(pin.group(1) + " is missing from " + folder
              + ": run .ci/install (it installs the npm packages .ci/packages pins)")
              .isRegularFile();
          assertThat(Files.readString(manifest)).as(pin.group(1) + " in the version"
              + " .ci/packages pins (run .ci/install)")
              .containsPattern("\"version\":\\s*\"" + Pattern.quote(
                  pin.group(2)) + "\"");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(folder.resolve("axe-core/axe.min.js")).isRegularFile();
    assertThat(folder.resolve("lighthouse/cli/index.js")).isRegularFile();
    return folder;
  }

  /** What {@code npm root -g} answers (within a minute). */
  private static Path globalNpmFolder() {
    try {
      Process npm = new ProcessBuilder("npm", "root", "-g").redirectErrorStream(true).start();
      try {
        assertThat(npm.waitFor(1, TimeUnit.MINUTES))
            .as("npm root -g ends").isTrue();
        String answer = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(npm.exitValue()).as("npm root -g: " + answer).isZero();
        return Path.of(answer);
      } finally {
        npm.destroyForcibly();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("npm is missing: run .ci/install", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
