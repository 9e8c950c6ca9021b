package org.vhostuser.spec.asciidoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * The renderer reads includes itself: a link out of the specification's folder, into /proc, a
 * FIFO or a URL is a problem of the render and its content never reaches the page, while an
 * include inside the folder (through a link too) renders as Asciidoctor's own would.
 */
class ContainedIncludesTest {
  static SpecRenderer renderer;
  static Registry registry;

  @TempDir Path temp;

  @BeforeAll
  static void start() throws URISyntaxException {
    renderer = SharedRenderer.get();
    Path spec = Path.of(ContainedIncludesTest.class.getResource("/spec").toURI());
    registry = RegistryValidator.loadAndValidate(spec.resolve("registry")).registry();
  }

  @Test
  void anIncludeInsideTheFolderIsRendered() throws IOException {
    Path spec = Files.createDirectories(temp.resolve("spec"));
    Files.writeString(spec.resolve("chapter.adoc"), "= Chapter\n\nInside the folder.\n");
    Files.createSymbolicLink(spec.resolve("alias.adoc"), Path.of("chapter.adoc"));
    Path index = Files.writeString(spec.resolve("index.adoc"),
        "= T\n\ninclude::alias.adoc[leveloffset=+1]\n");
    SpecRenderer.Rendered rendered = renderer.render(index, registry);
    assertThat(rendered.problems()).isEmpty();
    assertThat(rendered.html()).contains("Inside the folder.", "<h2 id=\"chapter\"");
  }

  @Test
  @Timeout(60)
  void anIncludeOutOfTheFolderIntoProcOfAFifoOrAUrlIsRefused() throws Exception {
    Path spec = Files.createDirectories(temp.resolve("spec"));
    Files.writeString(temp.resolve("secret.adoc"), "TOKEN-OUTSIDE\n");
    Files.createSymbolicLink(spec.resolve("out.adoc"), temp.resolve("secret.adoc"));
    Files.createSymbolicLink(spec.resolve("env.adoc"), Path.of("/proc/self/environ"));
    assertThat(new ProcessBuilder("mkfifo", spec.resolve("fifo.adoc").toString()).start()
        .waitFor()).isZero();
    Path index = Files.writeString(spec.resolve("index.adoc"), "= T\n\nText.\n\n"
        + "include::out.adoc[]\n\ninclude::env.adoc[]\n\ninclude::fifo.adoc[]\n\n"
        + "include::https://example.org/x.adoc[]\n\ninclude::../secret.adoc[]\n");

    SpecRenderer.Rendered rendered = renderer.render(index, registry);
    Path secret = temp.resolve("secret.adoc").toRealPath();

    assertThat(rendered.html()).doesNotContain("TOKEN-OUTSIDE", "PATH=");
    assertThat(rendered.problems()).hasSize(5);
    assertThat(rendered.problems()).anyMatch(p -> p.startsWith(index + ":5: include of out.adoc"
        + " refused: refused to read a symbolic link to " + temp.resolve("secret.adoc")));
    assertThat(rendered.problems()).anyMatch(p -> p.contains("include of env.adoc refused:"
        + " refused to read a symbolic link to /proc/self/environ"));
    assertThat(rendered.problems()).anyMatch(p -> p.contains("include of fifo.adoc refused:"
        + " refused to read it: not a regular file"));
    assertThat(rendered.problems()).anyMatch(p -> p.contains("include of"
        + " https://example.org/x.adoc refused: the prose includes only files"));
    assertThat(rendered.problems()).anyMatch(p -> p.contains("include of ../secret.adoc"
        + " refused: refused to read " + secret + ", which lies outside"));
  }
}
