package org.vhostuser.spec.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version switcher and banner, and the links to pages a version does not have. */
class VersionsTest {
  static final List<ReleaseSnapshots.Release> RELEASES =
      List.of(new ReleaseSnapshots.Release("v1.0", ObjectId.zeroId()),
          new ReleaseSnapshots.Release("v1.1", ObjectId.zeroId()));

  @TempDir Path temp;

  @Test
  void theSwitcherLinksToTheSamePageOfEveryOtherVersionNewestFirst() {
    String living = new Versions(RELEASES, null, "").switcher("features.html");
    assertThat(living).containsSubsequence("href=\"features.html\" aria-current=\"page\">latest",
        "href=\"releases/v1.1/features.html\">v1.1", "href=\"releases/v1.0/features.html\">v1.0");
    assertThat(new Versions(RELEASES, null, "").banner("features.html")).isEmpty();
    String old = new Versions(RELEASES, "v1.0", "../../").switcher("features.html");
    assertThat(old).contains("href=\"../../features.html\">latest",
        "href=\"features.html\" aria-current=\"page\">v1.0");
    assertThat(new Versions(RELEASES, "v1.0", "../../").banner("features.html"))
        .contains("release <strong>v1.0</strong>", "href=\"../../features.html\"");
    assertThat(new Versions(List.of(), null, "").switcher("index.html")).isEmpty();
  }

  @Test
  void aLinkToAPageTheOtherVersionLacksLeadsToItsHomePage() throws IOException {
    Files.createDirectories(temp.resolve("releases/v1.0"));
    Files.writeString(temp.resolve("releases/v1.0/index.html"), "old");
    Files.writeString(temp.resolve("releases/v1.0/features.html"), "old");
    Files.writeString(temp.resolve("index.html"), "");
    Files.writeString(temp.resolve("positions.html"), "");
    Files.writeString(temp.resolve("features.html"), "");
    Versions versions = new Versions(RELEASES.subList(0, 1), null, "");
    Files.writeString(temp.resolve("positions.html"), versions.switcher("positions.html"));
    Files.writeString(temp.resolve("features.html"), versions.switcher("features.html"));

    Versions.pointAtExistingPages(temp, List.of("positions.html", "features.html"));

    assertThat(Files.readString(temp.resolve("positions.html")))
        .contains("href=\"releases/v1.0/index.html\">v1.0")
        .doesNotContain("releases/v1.0/positions.html");
    assertThat(Files.readString(temp.resolve("features.html")))
        .contains("href=\"releases/v1.0/features.html\">v1.0");
  }
}
