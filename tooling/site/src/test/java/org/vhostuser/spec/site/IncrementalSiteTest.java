package org.vhostuser.spec.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.asciidoc.SpecRenderer;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * Chapters are rendered one by one and cached: after a change to one chapter only that chapter
 * is rendered again and only the specification page is replaced, and the site is still checked
 * as a whole.
 */
class IncrementalSiteTest {
  @TempDir Path temp;
  Path repo;
  Path out;
  SiteBuilder builder;
  SpecRenderer renderer;

  @BeforeEach
  void buildOnce() throws IOException {
    repo = temp.resolve("repo");
    TestFiles.copy(SharedSite.ROOT.resolve("spec"), repo.resolve("spec"));
    for (String input : List.of("site", "README.md", "CONTRIBUTING.md", "MAINTAINERS",
        "tooling/BENCHMARKS.md")) {
      TestFiles.copy(SharedSite.ROOT.resolve(input), repo.resolve(input));
    }
    out = temp.resolve("out");
    renderer = SharedSite.get().renderer;
    builder = new SiteBuilder(SiteBuilder.Layout.of(repo, out), "test");
    assertThat(builder.build(renderer, registry()).problems()).isEmpty();
    assertThat(builder.renderedChapters()).isEqualTo(chapterCount());
  }

  @Test
  void aChangedChapterIsRenderedAgainAndTheOthersAreReused() throws IOException {
    Path messages = out.resolve("messages.html");
    String messagesBefore = Files.readString(messages);
    long messagesTime = Files.getLastModifiedTime(messages).toMillis();
    edit("04-rings.adoc", "== Rings", "== Rings\n\nA sentence added while previewing.");

    Optional<SiteBuilder.Result> updated = builder.update(() -> renderer, registry());

    assertThat(updated).isPresent();
    assertThat(updated.get().problems()).isEmpty();
    assertThat(updated.get().pages()).as("the page and the search index of its prose")
        .containsExactly("index.html", "assets/search-index.js");
    assertThat(builder.renderedChapters()).isEqualTo(1);
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index).contains("A sentence added while previewing.", ">4. Rings<",
        ">5. Memory<", ">Appendix A: Clarifications<");
    assertThat(Files.readString(messages)).isEqualTo(messagesBefore);
    assertThat(Files.getLastModifiedTime(messages).toMillis()).isEqualTo(messagesTime);
    assertThat(new SiteBuilder(SiteBuilder.Layout.of(repo, out), "test").isUpToDate()).isTrue();
    assertNoTemporaryFiles();
  }

  @Test
  void theUpdatedSiteIsTheSiteAFullBuildWrites() throws IOException {
    edit("04-rings.adoc", "== Rings", "== Rings\n\nSee <<clarifications>>.\n\n=== A new section");
    assertThat(builder.update(() -> renderer, registry()).orElseThrow().problems()).isEmpty();
    String updated = Files.readString(out.resolve("index.html"));
    String search = Files.readString(out.resolve("assets/search-index.js"));

    Path fresh = temp.resolve("fresh");
    assertThat(new SiteBuilder(SiteBuilder.Layout.of(repo, fresh), "test")
        .build(renderer, registry()).problems()).isEmpty();

    assertThat(updated).isEqualTo(Files.readString(fresh.resolve("index.html")))
        .contains("<a href=\"#clarifications\">Clarifications</a>", "4.1. A new section");
    assertThat(search).isEqualTo(Files.readString(fresh.resolve("assets/search-index.js")))
        .contains("[\"4.1. A new section\",\"section\"");
    for (String copy : List.of("index.html.gz", "assets/search-index.js.gz", "positions.html.gz")) {
      assertThat(Files.readAllBytes(out.resolve(copy))).as("the gzip copy " + copy)
          .isEqualTo(Files.readAllBytes(fresh.resolve(copy)));
    }
  }

  @Test
  void aBrokenReferenceInOneChapterIsReportedAtItsLineAndNothingIsWritten() throws IOException {
    String before = Files.readString(out.resolve("index.html"));
    Path chapter = edit("03-communication.adoc", "== Communication",
        "== Communication\n\nSee <<no-such-section>>.");
    int line = Files.readAllLines(chapter).indexOf("See <<no-such-section>>.") + 1;

    SiteBuilder.Result result = builder.update(() -> renderer, registry()).orElseThrow();

    assertThat(result.problems()).containsExactly(
        chapter + ":" + line + ": link to missing anchor #no-such-section");
    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo(before);
    assertThat(builder.build(renderer, registry()).problems()).containsExactly(
        chapter + ":" + line + ": link to missing anchor #no-such-section");
    assertNoTemporaryFiles();
  }

  @Test
  void aRegistryChangeRendersEveryChapterAgain() throws IOException {
    Path messages = repo.resolve("spec/registry/front-end-messages.yaml");
    Files.writeString(messages, Files.readString(messages).replace(
        "Asks the back-end for the virtio and vhost feature bits it offers.",
        "Asks the back-end for every feature bit it offers."));

    assertThat(builder.update(() -> renderer, registry())).isEmpty();
    assertThat(builder.build(renderer, registry()).problems()).isEmpty();

    assertThat(builder.renderedChapters()).isEqualTo(chapterCount());
    assertThat(Files.readString(out.resolve("index.html")))
        .contains("Asks the back-end for every feature bit it offers.");
  }

  @Test
  void chaptersKeptOnDiskServeTheNextProcessWithoutARenderer() throws IOException {
    Path kept = temp.resolve("chapters");
    SiteBuilder first = new SiteBuilder(SiteBuilder.Layout.of(repo, out), "test")
        .keepChapters(kept, true);
    assertThat(first.needsRenderer(false)).isTrue();
    assertThat(first.build(renderer, registry()).problems()).isEmpty();
    String before = Files.readString(out.resolve("index.html"));

    SiteBuilder next = new SiteBuilder(SiteBuilder.Layout.of(repo, out), "test")
        .keepChapters(kept, true);
    assertThat(next.needsRenderer(false)).isFalse();
    assertThat(next.build(() -> {
      throw new AssertionError("no chapter needs rendering");
    }, registry(), false).problems()).isEmpty();
    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo(before);

    edit("05-memory.adoc", "== Memory", "== Memory\n\nOne more line.");
    try (Stream<Path> files = Files.list(kept)) {
      Files.writeString(files.findFirst().orElseThrow(), "damaged");
    }
    SiteBuilder changed = new SiteBuilder(SiteBuilder.Layout.of(repo, out), "test")
        .keepChapters(kept, true);
    assertThat(changed.needsRenderer(false)).isTrue();
    assertThat(changed.build(renderer, registry()).problems()).isEmpty();
    assertThat(changed.renderedChapters()).isBetween(1, 2); // the changed one, and the damaged one
    assertThat(Files.readString(out.resolve("index.html"))).contains("One more line.");
    try (Stream<Path> files = Files.list(kept)) {
      assertThat(files.count()).isEqualTo(chapterCount());
    }

    SiteBuilder forced = new SiteBuilder(SiteBuilder.Layout.of(repo, out), "test")
        .keepChapters(kept, false);
    assertThat(forced.needsRenderer(false)).isTrue();
  }

  @Test
  void nothingChangedIsNothingToDo() throws IOException {
    SiteBuilder.Result result = builder.update(() -> renderer, registry()).orElseThrow();
    assertThat(result.pages()).isEmpty();
    assertThat(result.problems()).isEmpty();
  }

  private Registry registry() {
    return RegistryValidator.loadAndValidate(repo.resolve("spec/registry")).registry();
  }

  private long chapterCount() throws IOException {
    return Files.readAllLines(repo.resolve("spec/index.adoc")).stream()
        .filter(l -> l.startsWith("include::")).count() + 1; // and the preface of the index
  }

  private Path edit(String chapter, String find, String replacement) throws IOException {
    Path file = repo.resolve("spec").resolve(chapter);
    String text = Files.readString(file);
    assertThat(text).contains(find);
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(find),
        java.util.regex.Matcher.quoteReplacement(replacement)));
    return file;
  }

  private void assertNoTemporaryFiles() throws IOException {
    try (Stream<Path> files = Files.walk(temp)) {
      List<String> temporary = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".new") || n.contains(".new-") || n.contains(".old-")).toList();
      assertThat(temporary).isEmpty();
    }
  }
}
