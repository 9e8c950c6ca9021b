package org.vhostuser.spec.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/** Release snapshots, on a throw-away repository with a fixed author and fixed dates. */
class ReleasesTest {
  @TempDir Path temp;

  @Test
  void everyReleaseTagGetsItsOwnFolderAndEveryPageAVersionSwitcher()
      throws IOException, GitAPIException {
    Path repo = temp.resolve("repo");
    for (String input : ReleaseSnapshots.INPUTS) {
      TestFiles.copy(SharedSite.ROOT.resolve(input), repo.resolve(input));
    }
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      commit(git, "First release", Instant.parse("2026-01-10T12:00:00Z"));
      release(git, "v1.0", Instant.parse("2026-01-10T12:00:00Z"));
      Path intro = repo.resolve("spec/01-introduction.adoc");
      Files.writeString(intro, Files.readString(intro) + "\nA sentence added after v1.0.\n");
      commit(git, "Change after the release", Instant.parse("2026-02-01T12:00:00Z"));
    }
    Path out = temp.resolve("site");
    var registry = RegistryValidator.loadAndValidate(repo.resolve("spec/registry")).registry();
    SiteBuilder builder = new SiteBuilder(SiteBuilder.Layout.of(repo, out), "test");

    SiteBuilder.Result result = builder.build(SharedSite.get().renderer, registry, true);

    assertThat(result.problems()).isEmpty();
    assertThat(result.pages()).contains("index.html", "releases/v1.0/index.html",
        "releases/v1.0/messages.html");
    Document latest = page(out.resolve("index.html"));
    assertThat(latest.select(".versions a[href=releases/v1.0/index.html]").text())
        .isEqualTo("v1.0");
    assertThat(latest.select(".versions a[aria-current]").text()).isEqualTo("latest");
    assertThat(latest.select(".old-version")).isEmpty();
    assertThat(latest.text()).contains("A sentence added after v1.0.");
    assertThat(page(out.resolve("messages.html"))
        .select(".versions a[href=releases/v1.0/messages.html]").text())
        .as("the switcher keeps the page").isEqualTo("v1.0");
    Document release = page(out.resolve("releases/v1.0/index.html"));
    assertThat(release.select(".versions a[href=../../index.html]").text()).isEqualTo("latest");
    assertThat(release.select(".versions a[aria-current]").text()).isEqualTo("v1.0");
    assertThat(release.select(".old-version").text()).contains("release v1.0");
    assertThat(release.select(".old-version a[href=../../index.html]")).hasSize(1);
    assertThat(page(out.resolve("releases/v1.0/features.html"))
        .select(".old-version a[href=../../features.html]")).hasSize(1);
    assertThat(release.select("footer .revision").text()).startsWith("Release v1.0, ")
        .endsWith("last updated 2026-01-10.");
    assertThat(release.text()).doesNotContain("A sentence added after v1.0.");
    assertThat(release.getElementById("VHOST_USER_GET_FEATURES")).isNotNull();
    assertThat(builder.isUpToDate(true)).isTrue();
    assertThat(builder.isUpToDate(false)).isFalse();

    assertThat(latest.select("#VHOST_USER_GET_FEATURES tr:has(th:contains(Since)) td").text())
        .isEqualTo("v1.0");
    assertThat(release.select("#VHOST_USER_PROTOCOL_F_MQ tr:has(th:contains(Since)) td").text())
        .isEqualTo("v1.0");
    Document changelog = page(out.resolve("changelog.html"));
    assertThat(changelog.select("h2").eachText()).containsExactly("v1.0 (2026-01-10)");
    assertThat(changelog.text()).containsPattern("First release: \\d+ messages and \\d+ features\\.");
    assertThat(page(out.resolve("releases/v1.0/changelog.html")).select("h2").eachText())
        .containsExactly("v1.0 (2026-01-10)");
    Document messages = page(out.resolve("messages.html"));
    assertThat(messages.select("thead th").last().text()).isEqualTo("Since");
    assertThat(messages.select("tr:has(a[href$=#VHOST_USER_GET_FEATURES]) td").last().text())
        .isEqualTo("v1.0");
    assertThat(page(out.resolve("features.html"))
        .select("tr:has(a[href$=#VHOST_USER_PROTOCOL_F_MQ]) td").last().text()).isEqualTo("v1.0");

    assertThat(builder.build(SharedSite.get().renderer, registry, false).problems()).isEmpty();
    assertThat(builder.isUpToDate(false)).isTrue();
    try (Git git = Git.open(repo.toFile())) {
      release(git, "v1.1", Instant.parse("2026-02-01T12:00:00Z"));
    }
    assertThat(builder.isUpToDate(false)).as("a new tag changes the changelog page").isFalse();
  }

  private static void commit(Git git, String message, Instant when) throws GitAPIException {
    PersonIdent author = new PersonIdent("Test Author", "author@example.org", Date.from(when),
        TimeZone.getTimeZone(ZoneOffset.UTC));
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false).call();
  }

  /** A release tag: annotated, named vMAJOR.MINOR, with a fixed tagger. */
  private static void release(Git git, String tag, Instant when) throws GitAPIException {
    git.tag().setName(tag).setAnnotated(true).setMessage("Release " + tag).setSigned(false)
        .setTagger(new PersonIdent("Test Author", "author@example.org", Date.from(when),
            TimeZone.getTimeZone(ZoneOffset.UTC))).call();
  }

  private static Document page(Path file) throws IOException {
    return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
  }
}
