package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.Diagnostic;

/** The site build's problems print in the one diagnostic format, with a rule code. */
class RenderProblemsTest {
  @TempDir Path temp;

  @Test
  void everyKindOfRenderProblemBecomesAPositionedDiagnostic() throws IOException {
    Path chapter = Files.writeString(temp.resolve("01-intro.adoc"), "= T\n\nSee <<nowhere>>.\n");
    Path index = temp.resolve("index.adoc");

    assertThat(RenderProblems.of(chapter + ":3: possible invalid reference: nowhere", index)
        .format()).isEqualTo(chapter + ":3:5: error: possible invalid reference: nowhere"
            + " [prose-broken-xref]");
    assertThat(RenderProblems.of(chapter + ":7: section title out of sequence", index).format())
        .isEqualTo(chapter + ":7:1: error: section title out of sequence [render-warning]");
    assertThat(RenderProblems.of("index.html:22: link to missing page contributing.html", index)
        .format()).isEqualTo("index.html:22:1: error: link to missing page contributing.html"
            + " [render-broken-link]");
    Diagnostic placeless = RenderProblems.of("the renderer stopped", index);
    assertThat(placeless.format()).isEqualTo(index + ":1:1: error: the renderer stopped"
        + " [render-warning]");
  }
}
