package org.vhostuser.spec.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.print.PrintOptions;
import org.vhostuser.spec.registry.Message;

/**
 * The site in a real browser (see {@link Chromium}), every page the build wrote, loaded from the
 * local preview server: each fits a phone (390 px wide, and still 320 px) and a desktop (1366 px)
 * without scrolling sideways; the contents fold after the title on a phone and sit beside the
 * text on a desktop; search works from the keyboard; permalinks lead to their target; print
 * starts with the title and revision and never splits a card; no page logs an error; on a
 * phone, sections off screen are skipped behind placeholders no shorter than their content.
 * Screenshots and a PDF are kept in {@code target/browser-test/}.
 */
class BrowserTest {
  static final int PHONE = 390;
  static final int SMALL_PHONE = 320;
  static final int DESKTOP = 1366;

  /**
   * What sticks out of the page or scrolls sideways when it may not: the page itself, any
   * element reaching past the viewport outside a box that scrolls, any box that scrolls but is
   * neither preformatted text nor a prose table of four columns or more, and any box that
   * clips its text. Chapters are laid out first (they are skipped while off screen).
   */
  private static final String LAYOUT_PROBLEMS = """
      var style = document.createElement('style');
      style.textContent = '.spec-body .sect2 { content-visibility: visible !important; }';
      document.head.appendChild(style);
      var width = document.documentElement.clientWidth;
      var problems = [];
      var scrolling = document.documentElement.scrollWidth;
      if (scrolling > width) { problems.push('the page scrolls sideways: ' + scrolling + ' px in ' + width); }
      function name(e) {
        return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
          + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
          + ' "' + (e.textContent || '').trim().slice(0, 40) + '"';
      }
      function mayScroll(e) {
        if (e.tagName === 'PRE') { return true; }
        if (e.tagName !== 'TABLE' || /\\bvu-(payload|sortable|facts|index)\\b/.test(e.className)) { return false; }
        var row = e.querySelector('tr');
        var columns = e.querySelectorAll('col').length || (row ? row.cells.length : 0);
        return columns >= 4;
      }
      function scroller(e) {
        for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
          var x = getComputedStyle(p).overflowX;
          if (x === 'auto' || x === 'scroll') { return p; }
        }
        return null;
      }
      var all = document.body.querySelectorAll('*');
      for (var i = 0; i < all.length && problems.length < 15; i++) {
        var e = all[i];
        if (e.closest('.skip-link, .visually-hidden, [hidden]') || e.getClientRects().length === 0) { continue; }
        var style = getComputedStyle(e);
        var box = e.getBoundingClientRect();
        if ((box.right > width + 1 || box.left < -1) && !scroller(e)) {
          problems.push(name(e) + ' reaches from ' + Math.round(box.left) + ' to ' + Math.round(box.right) + ' px');
        }
        if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) {
          if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && !mayScroll(e)) {
            problems.push(name(e) + ' scrolls sideways');
          } else if (style.overflowX === 'hidden' || style.overflowX === 'clip') {
            problems.push(name(e) + ' clips its content');
          }
        }
      }
      return problems;
      """;

  static SharedSite site;
  static SiteServer server;
  static ChromeDriver browser;
  static List<String> pages;

  @BeforeAll
  static void start() throws IOException {
    site = SharedSite.get();
    assertThat(site.result.problems()).isEmpty();
    server = SiteServer.start(site.site, 0);
    pages = Chromium.pages(site.site);
    browser = Chromium.start(DESKTOP, 900);
    Files.createDirectories(Chromium.ARTIFACTS);
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
  void theTestsCoverEveryPageTheBuildWrote() {
    assertThat(pages).containsAll(site.result.pages().stream()
        .filter(p -> p.endsWith(".html")).toList()).contains("index.html", "messages.html");
  }

  @Test
  void everyPageFitsAPhoneASmallPhoneAndADesktopWithoutScrollingSideways() throws IOException {
    List<String> problems = new ArrayList<>();
    for (int width : List.of(PHONE, SMALL_PHONE, DESKTOP)) {
      Chromium.viewport(browser, width, 800);
      for (String page : pages) {
        open(page);
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) browser.executeScript(LAYOUT_PROBLEMS);
        found.forEach(p -> problems.add(page + " at " + width + " px: " + p));
        if (page.equals("index.html") || page.equals("messages.html")) {
          screenshot(page.replace(".html", "") + "-" + width + ".png");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * On a phone a section off screen is skipped (not laid out) and takes the height the build
   * estimated for it, which must never be less than its real height: a shorter placeholder
   * would let skipped content overlap the next section for whoever asks where elements are.
   */
  @Test
  void aSkippedSectionIsNeverShorterOnAPhoneThanItsContent() {
    List<String> problems = new ArrayList<>();
    for (int width : List.of(SMALL_PHONE, PHONE)) {
      Chromium.viewport(browser, width, 800);
      open("index.html");
      @SuppressWarnings("unchecked")
      List<List<Object>> sections = (List<List<Object>>) browser.executeScript("""
          var sections = Array.prototype.slice.call(document.querySelectorAll('.spec-body .sect2'));
          var skipped = sections.map(function (s) { return getComputedStyle(s).contentVisibility; });
          var style = document.createElement('style');
          style.textContent = '.spec-body .sect2 { content-visibility: visible !important; }';
          document.head.appendChild(style);
          return sections.map(function (s, i) {
            return [s.firstElementChild.id, skipped[i], s.getBoundingClientRect().height,
              parseFloat(getComputedStyle(s).getPropertyValue('--vu-height'))];
          });
          """);
      assertThat(sections).hasSizeGreaterThan(10);
      for (List<Object> section : sections) {
        double real = ((Number) section.get(2)).doubleValue();
        double placeholder = ((Number) section.get(3)).doubleValue();
        if (!"auto".equals(section.get(1)) || !(real <= placeholder)) {
          problems.add(section.get(0) + " at " + width + " px: content-visibility "
              + section.get(1) + ", " + Math.round(real) + " px tall, placeholder "
              + placeholder + " px");
        }
      }
    }
    Chromium.viewport(browser, DESKTOP, 900);
    open("index.html");
    assertThat(browser.executeScript("return getComputedStyle(document.querySelector("
        + "'.spec-body .sect2')).contentVisibility;")).as("a desktop lays everything out")
        .isEqualTo("visible");
    assertThat(problems).isEmpty();
  }

  @Test
  void theContentsFoldAfterTheTitleOnAPhoneAndStandBesideTheTextOnADesktop() {
    Chromium.viewport(browser, PHONE, 800);
    open("index.html");
    WebElement toc = browser.findElement(By.cssSelector("#toc details"));
    assertThat(toc.getAttribute("open")).as("folded on a phone").isNull();
    assertThat((Boolean) browser.executeScript("var h = document.querySelector('h1');"
        + " return !!(h.compareDocumentPosition(document.getElementById('toc'))"
        + " & Node.DOCUMENT_POSITION_FOLLOWING) && h.getBoundingClientRect().bottom"
        + " <= document.getElementById('toc').getBoundingClientRect().top;"))
        .as("the title comes first").isTrue();
    browser.findElement(By.cssSelector("#toc summary")).click();
    assertThat(browser.findElements(By.cssSelector("#toc a")).get(1).isDisplayed()).isTrue();

    Chromium.viewport(browser, DESKTOP, 900);
    open("index.html");
    assertThat(browser.findElement(By.cssSelector("#toc details")).getAttribute("open"))
        .isNotNull();
    assertThat((Boolean) browser.executeScript("return document.getElementById('toc')"
        + ".getBoundingClientRect().right <= document.querySelector('.spec-body')"
        + ".getBoundingClientRect().left;")).as("beside the text").isTrue();
    String section = browser.findElements(By.cssSelector(".spec-body h2[id]")).get(3)
        .getAttribute("id");
    open("index.html#" + section);
    Chromium.waitFor("the contents to mark the section being read", () -> (Boolean) browser
        .executeScript("var marked = document.querySelector('#toc a[aria-current]');"
            + " return !!marked && document.getElementById(arguments[0]).parentElement"
            + ".contains(document.getElementById(marked.getAttribute('href').slice(1)));",
            section));
    assertThat((Boolean) browser.executeScript("var bar = document.querySelector('.site-bar')"
        + ".getBoundingClientRect(); return bar.top === 0 && bar.height > 0;"))
        .as("the bar with the search stays at the top").isTrue();
  }

  @Test
  void searchIsDrivenFromTheKeyboard() throws IOException {
    Message target = site.registry.allMessages()
        .filter(m -> m.name().equals("VHOST_USER_SET_VRING_ADDR")).findFirst().orElseThrow();
    Chromium.viewport(browser, PHONE, 800);
    open("messages.html");
    browser.findElement(By.tagName("body")).sendKeys("/");
    WebElement box = browser.findElement(By.id("search-box"));
    assertThat(browser.switchTo().activeElement()).isEqualTo(box);
    assertThat(box.getAttribute("role")).isEqualTo("combobox");
    box.sendKeys("set vring addr");
    Chromium.waitFor("results", () -> "true".equals(box.getAttribute("aria-expanded")));
    String chosen = null;
    for (int i = 0; i < 30 && !target.name().equals(chosen); i++) {
      box.sendKeys(Keys.ARROW_DOWN);
      WebElement option = browser.findElement(By.id(box.getAttribute("aria-activedescendant")));
      assertThat(option.getAttribute("aria-selected")).isEqualTo("true");
      chosen = option.findElement(By.className("result-title")).getText();
    }
    assertThat(chosen).isEqualTo(target.name());
    screenshot("search-phone.png");
    box.sendKeys(Keys.ENTER);
    Chromium.waitFor("the card", () -> browser.getCurrentUrl().endsWith("#" + target.name()));
    WebElement card = browser.findElement(By.id(target.name()));
    Number top = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().top"
        + " - document.querySelector('.site-bar').getBoundingClientRect().bottom;", card);
    assertThat(top.doubleValue()).as("the card is in view below the bar").isBetween(-1.0, 400.0);

    WebElement again = browser.findElement(By.id("search-box"));
    long id = site.registry.allMessages().filter(m -> m.id() >= 16).findFirst().orElseThrow().id();
    List<String> named = site.registry.allMessages().filter(m -> m.id() == id)
        .map(Message::name).toList();
    again.sendKeys("0x" + Long.toHexString(id));
    Chromium.waitFor("results for a number", () -> !results().isEmpty());
    assertThat(results()).as("a number in hexadecimal finds what has it").containsAll(named);

    again.sendKeys(Keys.ESCAPE);
    assertThat(again.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(browser.findElement(By.id("search-results")).isDisplayed()).isFalse();
    again.sendKeys(Keys.ESCAPE);
    assertThat(again.getAttribute("value")).isEmpty();

    SearchIndex.Entry section = proseOnlySection();
    String word = rareWord(section);
    again.sendKeys(word);
    Chromium.waitFor("results from the prose", () -> results().contains(section.title()));
    WebElement result = browser.findElements(By.cssSelector("#search-results [role=option]"))
        .stream().filter(o -> o.findElement(By.className("result-title")).getText()
            .equals(section.title())).findFirst().orElseThrow();
    assertThat(result.findElement(By.className("result-snippet")).getText().toLowerCase(Locale.ROOT))
        .contains(word);
    assertThat(result.findElements(By.cssSelector(".result-snippet mark"))).isNotEmpty();
    browser.executeScript("window.scrollTo(0, 0);");
    browser.findElement(By.tagName("h1")).click();
    assertThat(browser.findElement(By.id("search-results")).isDisplayed())
        .as("a click elsewhere closes the list").isFalse();
  }

  @Test
  void permalinksLeadToTheirTargetAndNoPageLogsAnError() throws IOException {
    Chromium.viewport(browser, DESKTOP, 900);
    Message target = site.registry.allMessages()
        .filter(m -> m.name().equals("VHOST_USER_GET_QUEUE_NUM")).findFirst().orElseThrow();
    open("messages.html");
    browser.findElement(By.cssSelector("a[href='index.html#" + target.name() + "']")).click();
    Chromium.waitFor("the card", () -> browser.getCurrentUrl().endsWith("#" + target.name()));
    WebElement card = browser.findElement(By.id(target.name()));
    assertThat(card.getText()).contains(target.name());
    Number top = (Number) browser.executeScript(
        "return arguments[0].getBoundingClientRect().top;", card);
    assertThat(top.doubleValue()).as("the card is scrolled into view").isBetween(-1.0, 900.0);
    screenshot("permalink.png");

    browser.executeScript("document.querySelector('.spec-body h3[id] a.link').click();");
    assertThat(browser.getCurrentUrl()).contains("index.html#");

    browser.manage().logs().get(LogType.BROWSER); // forget what came before
    for (String page : pages) {
      open(page);
    }
    List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertThat(errors).extracting(LogEntry::getMessage).isEmpty();
  }

  @Test
  void printingStartsWithTheTitleAndRevisionAndKeepsEachCardOnOnePage() throws IOException {
    Chromium.viewport(browser, DESKTOP, 900);
    open("index.html");
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      String first = (String) browser.executeScript("""
          var all = document.body.querySelectorAll('h1, p, li, a, td, div');
          for (var i = 0; i < all.length; i++) {
            var e = all[i];
            if (e.getClientRects().length && e.getBoundingClientRect().height > 0
                && e.children.length === 0 && e.textContent.trim()) { return e.textContent.trim(); }
          }
          return null;""");
      assertThat(first).isEqualTo(browser.findElement(By.tagName("h1")).getText());
      assertThat(browser.findElement(By.className("spec-revision")).getText())
          .matches("(Revision|Release \\S+,) [0-9a-f]{12}, last updated \\d{4}-\\d{2}-\\d{2}\\.");
      assertThat(browser.findElement(By.className("site-bar")).isDisplayed()).isFalse();
      @SuppressWarnings("unchecked")
      List<String> breaks = (List<String>) browser.executeScript("return Array.prototype.map"
          + ".call(document.querySelectorAll('.vu-card'), function (c) {"
          + " return getComputedStyle(c).breakInside; });");
      assertThat(breaks).isNotEmpty().containsOnly("avoid");
    } finally {
      browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
    Files.write(Chromium.ARTIFACTS.resolve("specification.pdf"), java.util.Base64.getDecoder()
        .decode(browser.print(new PrintOptions()).getContent()));
  }

  private static void open(String page) {
    browser.get(server.address().resolve(page).toString());
  }

  private static List<String> results() {
    return browser.findElements(By.cssSelector("#search-results .result-title")).stream()
        .map(WebElement::getText).toList();
  }

  private static void screenshot(String name) throws IOException {
    Files.write(Chromium.ARTIFACTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }

  /** A section of the specification with prose of its own. */
  private static SearchIndex.Entry proseOnlySection() {
    return index().stream().filter(e -> e.kind().equals("section") && e.text().length() > 400)
        .filter(e -> rareWord(e) != null).findFirst().orElseThrow();
  }

  /** A word of a section's prose that few entries contain. */
  private static String rareWord(SearchIndex.Entry section) {
    for (String word : section.text().toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (word.length() < 8) {
        continue;
      }
      long count = index().stream().filter(e -> (e.title() + " " + e.text())
          .toLowerCase(Locale.ROOT).contains(word)).count();
      if (count <= 3) {
        return word;
      }
    }
    return null;
  }

  private static List<SearchIndex.Entry> index;

  /** The entries of the site's search index. */
  private static List<SearchIndex.Entry> index() {
    if (index == null) {
      index = SearchIndex.entries(site.registry, read(site.site.resolve("index.html")));
    }
    return index;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
