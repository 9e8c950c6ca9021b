package org.vhostuser.spec.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.asciidoc.SpecRenderer;
import org.vhostuser.spec.registry.Anchors;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Status;

/** Builds the real site once and checks its structure with jsoup; one Asciidoctor for all. */
class SiteBuilderTest {
  static final Path ROOT = SharedSite.ROOT;
  static SpecRenderer renderer;
  static Registry registry;
  static Path site;
  static SiteBuilder.Result result;

  @BeforeAll
  static void build() {
    SharedSite shared = SharedSite.get();
    renderer = shared.renderer;
    registry = shared.registry;
    site = shared.site;
    result = shared.result;
  }

  @Test
  void buildsEveryPageWithoutAProblem() {
    assertThat(result.problems()).isEmpty();
    assertThat(result.pages()).contains("index.html", "messages.html", "features.html",
        "payloads.html", "downloads.html", "readme.html", "contributing.html", "maintainers.html",
        "positions.html", "conformance.html");
  }

  @Test
  void everyTextFileHasAGzipCopyOfTheSameBytesAndNothingElseHasOne() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(site)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    List<Path> copies = files.stream().filter(f -> f.toString().endsWith(".gz")).toList();
    assertThat(copies).contains(site.resolve("index.html.gz"),
        site.resolve("assets/search-index.js.gz"), site.resolve("assets/site.css.gz"));
    for (Path file : files) {
      String name = file.getFileName().toString();
      Path copy = file.resolveSibling(name + ".gz");
      if (name.endsWith(".gz")) {
        assertThat(file.resolveSibling(name.substring(0, name.length() - 3))).as(name)
            .isRegularFile();
      } else if (Compressed.wanted(name)) {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(copy))) {
          assertThat(in.readAllBytes()).as(name).isEqualTo(Files.readAllBytes(file));
        }
        assertThat(Files.readAllBytes(copy)).as("the same bytes for the same file")
            .isEqualTo(Compressed.gzip(Files.readAllBytes(file), 9));
      } else {
        assertThat(copy).as(name).doesNotExist();
      }
    }
  }

  @Test
  void everySectionOfTheSpecificationCarriesItsPlaceholderHeight() throws IOException {
    Document spec = page("index.html");
    assertThat(spec.select(".spec-body .sect2")).hasSizeGreaterThan(10)
        .allSatisfy(section -> assertThat(section.attr("style")).matches("--vu-height:\\d+0px"));
    String html = "<p>x</p>\n" + SectionPlaceholders.OPENING + "<h3>A</h3><div><p>"
        + "word ".repeat(100) + "</p></div></div>\n" + SectionPlaceholders.OPENING
        + "<pre>1\n2\n3</pre></div>";
    String marked = SectionPlaceholders.mark(html);
    assertThat(marked.replaceAll(" style=\"--vu-height:\\d+px\"", "")).isEqualTo(html);
    assertThat(SectionPlaceholders.added(marked, 0, marked.length()))
        .isEqualTo(marked.length() - html.length());
    int second = marked.lastIndexOf(SectionPlaceholders.OPENING.substring(0, 17));
    assertThat(SectionPlaceholders.added(marked, 0, second))
        .as("only the marks before an offset count").isLessThan(marked.length() - html.length());
    assertThat(SectionPlaceholders.height("<p>" + "word ".repeat(100) + "</p>"))
        .as("more text, a taller section")
        .isGreaterThan(SectionPlaceholders.height("<p>" + "word ".repeat(10) + "</p>"));
  }

  @Test
  void theSpecificationHasAPermalinkForEveryEntryAndSection() throws IOException {
    Document spec = page("index.html");
    // A reservation has no card (and so no permalink) until its proposal adds one.
    registry.allMessages().filter(m -> m.status() != Status.RESERVED)
        .forEach(m -> assertThat(spec.getElementById(m.name())).as(m.name()).isNotNull());
    registry.allFeatures().filter(f -> f.status() != Status.RESERVED)
        .forEach(f -> assertThat(spec.getElementById(f.name())).as(f.name()).isNotNull());
    for (Payload p : registry.payloads()) {
      assertThat(spec.getElementById(Anchors.payload(p.name()))).as(p.name()).isNotNull();
      for (Field field : p.fields()) {
        assertThat(spec.getElementById(Anchors.field(p.name(), field.name())))
            .as(p.name() + "." + field.name()).isNotNull();
      }
    }
    for (Element heading : spec.select("h2, h3, h4")) {
      assertThat(heading.id()).as(heading.text()).isNotEmpty().doesNotMatch("_?\\d.*");
    }
    assertThat(spec.select("nav#toc a")).hasSizeGreaterThan(50);
    assertThat(spec.select("h2").first().text()).matches("\\d+\\. .*|About this document");
  }

  @Test
  void everyPositionOfTheSpecificationIsOnThePositionsPageAndLinksBack() throws IOException {
    Document spec = page("index.html");
    Document positions = page("positions.html");
    List<String> positionRules = spec.select(".vu-rule:has(.vu-rule-position)").eachAttr("id");
    assertThat(positions.select("dl.vu-positions dt").eachAttr("id"))
        .containsExactlyElementsOf(positionRules);
    for (Element link : positions.select("dl.vu-positions dt > a")) {
      String target = link.attr("href").substring("index.html#".length());
      assertThat(spec.getElementById(target)).as(target).isNotNull();
    }
    for (Element rule : spec.select(".vu-rule")) {
      assertThat(rule.id()).startsWith("rule-");
      assertThat(rule.select(".vu-rule-source")).as(rule.id()).hasSize(1);
    }
  }

  @Test
  void everyPageStatesItsRevisionAndLoadsOnlyLocalFiles() throws IOException {
    for (String name : result.pages()) {
      Document page = page(name);
      assertThat(page.select("footer .revision").text()).as(name)
          .matches("(Revision|Release \\S+,) [0-9a-f]{12}, last updated \\d{4}-\\d{2}-\\d{2}\\.");
      for (Element external : page.select("script[src], link[href], img[src]")) {
        assertThat(external.attr("src") + external.attr("href")).as(name).doesNotContain("//");
      }
      assertThat(page.select("meta[name=viewport]")).as(name).isNotEmpty();
    }
  }

  @Test
  void theMessageIndexHasARowPerMessageLinkingToItsCard() throws IOException {
    Document messages = page("messages.html");
    long count = registry.allMessages().count();
    assertThat(messages.select("table.vu-messages tbody tr")).hasSize((int) count);
    Element row = messages.select("tr[data-direction=back-end]").first();
    assertThat(row.select("a").attr("href")).startsWith("index.html#VHOST_USER_BACKEND_");
    assertThat(messages.select("select[data-filter=status] option")).hasSize(5);
    assertThat(messages.select("th[data-sort]")).isNotEmpty();
  }

  @Test
  void searchCoversMessagesFeaturesFieldsAndSections() throws IOException {
    String index = Files.readString(site.resolve("assets/search-index.js"));
    assertThat(index).startsWith("window.VU_SEARCH = [")
        .contains("[\"VHOST_USER_GET_FEATURES\",\"message\",\"index.html#VHOST_USER_GET_FEATURES\"",
            "\"feature\"", "[\"vring_addr.log_guest_addr\",\"field\"", "\"section\"",
            "\"constant\"");
    assertThat(Files.readString(site.resolve("assets/site.js"))).contains("VU_SEARCH");
    assertThat(Files.readString(site.resolve("index.html"))).as("loaded on demand")
        .doesNotContain("search-index.js");
  }

  @Test
  void downloadsOfferTheGeneratedFilesAndSchemas() throws IOException {
    assertThat(site.resolve("downloads/vhost_user_protocol.h")).isRegularFile();
    assertThat(site.resolve("downloads/vhost_user_protocol.rs")).isRegularFile();
    assertThat(site.resolve("downloads/vhost-user-registry.json")).isRegularFile();
    assertThat(site.resolve("downloads/schema/export.schema.json")).isRegularFile();
    assertThat(page("downloads.html").select("a[href^=downloads/]")).hasSizeGreaterThan(5);
  }

  @Test
  void projectDocumentsAreRenderedWithTheirRawHtmlEscaped() throws IOException {
    assertThat(page("readme.html").select("h1").text()).isEqualTo("vhost-user protocol specification");
    assertThat(page("maintainers.html").select("pre").text()).contains("M: ");
    String html = new MarkdownPages().render("# T\n\n<script>alert(1)</script>\n\n[c](CONTRIBUTING.md)\n");
    assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>")
        .contains("href=\"contributing.html\"");
  }

  @Test
  void anUnchangedSiteIsUpToDateAndAChangedInputIsNot(@TempDir Path temp) throws IOException {
    assertThat(new SiteBuilder(SiteBuilder.Layout.of(ROOT, site), "test").isUpToDate()).isTrue();
    assertThat(new SiteBuilder(SiteBuilder.Layout.of(ROOT, site), "other-version").isUpToDate())
        .isFalse();
  }

  @Test
  void aFailedBuildLeavesThePreviousSiteAndNoTemporaryFolder(@TempDir Path temp) throws IOException {
    Path copy = temp.resolve("repo");
    TestFiles.copy(ROOT.resolve("spec"), copy.resolve("spec"));
    TestFiles.copy(ROOT.resolve("site"), copy.resolve("site"));
    Path out = temp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("index.html"), "previous site");
    Files.writeString(copy.resolve("spec/01-introduction.adoc"),
        "[[introduction]]\n== Introduction\n\nSee <<no-such-section>>.\n");

    SiteBuilder.Result failed =
        new SiteBuilder(SiteBuilder.Layout.of(copy, out), "test").build(renderer, registry);

    assertThat(failed.problems()).anyMatch(p -> p.contains("no-such-section"));
    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("previous site");
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("out", "repo");
    }
  }

  @Test
  void aPreviewSaysItShowsTheWorkingTreeNotARevision(@TempDir Path temp) throws IOException {
    Path out = temp.resolve("preview");
    assertThat(new SiteBuilder(SiteBuilder.Layout.of(ROOT, out), "test").preview()
        .build(renderer, registry).problems()).isEmpty();
    for (String name : java.util.List.of("index.html", "messages.html")) {
      Document page = page(out.resolve(name));
      assertThat(page.select("footer .revision").text()).as(name)
          .matches("Preview of the working tree, with its uncommitted changes"
              + " \\(last commit [0-9a-f]{12}\\); not a published revision\\.");
    }
    assertThat(page(out.resolve("index.html")).select(".spec-revision").text())
        .startsWith("Preview of the working tree");
    assertThat(out.resolve("index.html.gz")).as("its server compresses as it sends")
        .doesNotExist();
  }

  @Test
  void outsideAGitCheckoutTheFooterSaysSo(@TempDir Path temp) throws IOException {
    assertThat(Revision.of(temp)).isEmpty();
    assertThat(Revision.footer(Revision.of(temp))).isEqualTo(
        "Built outside a git checkout: revision unknown.");
  }

  private static Document page(String name) throws IOException {
    return page(site.resolve(name));
  }

  private static Document page(Path file) throws IOException {
    return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
  }
}
