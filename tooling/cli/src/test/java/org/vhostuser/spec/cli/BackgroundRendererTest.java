package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When Asciidoctor is started before picocli parses the command line, and when it is not. */
class BackgroundRendererTest {
  @TempDir Path temp;

  @Test
  void aSiteOrBuildWithNoSiteYetSurelyRenders() {
    String out = temp.resolve("out").toString();
    assertThat(BackgroundRenderer.surelyRenders(List.of("site", "--out", out))).isTrue();
    assertThat(BackgroundRenderer.surelyRenders(List.of("site", "--out=" + out))).isTrue();
    assertThat(BackgroundRenderer.surelyRenders(List.of("build", "--strict", "--out", out))).isTrue();
  }

  @Test
  void aSiteBuiltBeforeMayBeUpToDate() throws IOException {
    Path site = Files.createDirectories(temp.resolve("out/site"));
    Files.writeString(site.resolve(".inputs-sha256"), "0\n");
    assertThat(BackgroundRenderer.surelyRenders(List.of("site", "--out", site.toString()))).isFalse();
    assertThat(BackgroundRenderer.surelyRenders(List.of("build", "--out", temp.resolve("out").toString())))
        .isFalse();
    assertThat(BackgroundRenderer.surelyRenders(List.of("site", "--force", "--out", site.toString())))
        .isTrue();
  }

  @Test
  void otherCommandsAndHelpNeverStartIt() {
    String out = temp.resolve("none").toString();
    assertThat(BackgroundRenderer.surelyRenders(List.of("validate"))).isFalse();
    assertThat(BackgroundRenderer.surelyRenders(List.of("generate", "--out", out))).isFalse();
    assertThat(BackgroundRenderer.surelyRenders(List.of("site", "--help", "--out", out))).isFalse();
    assertThat(BackgroundRenderer.surelyRenders(List.of("--version"))).isFalse();
    assertThat(BackgroundRenderer.surelyRenders(List.of())).isFalse();
  }
}
