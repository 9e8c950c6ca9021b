package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vhost-spec export-rst} writes a page that Debian's Sphinx builds without a warning, in a
 * small manual laid out as QEMU's: the label other pages link to resolves, and every title of
 * QEMU's former text keeps its section anchor, now pointing into the specification.
 */
class ExportRstTest {
  @TempDir Path temp;

  @Test
  void theRealSpecificationExportsAPageSphinxBuildsWithoutWarnings() throws Exception {
    Path docs = temp.resolve("docs");
    Path page = docs.resolve("interop/vhost-user.rst");
    CommandRun run = CommandRun.of("export-rst", "--registry", "../../spec/registry", "--out",
        page.toString(), "--site", "https://spec.example.org/", "--repository",
        "https://git.example.org/spec", "--revision", "v1.0");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(page)).startsWith(".. _vhost_user_proto:\n")
        .contains("QEMU follows the specification at ``v1.0``.")
        .contains("`VHOST_USER_GET_FEATURES <https://spec.example.org/index.html"
            + "#VHOST_USER_GET_FEATURES>`__");

    // The other files of a manual laid out as QEMU's docs/ is.
    write(docs.resolve("conf.py"), "project = 'manual'\nmaster_doc = 'index'\n"
        + "exclude_patterns = ['_build']\n");
    write(docs.resolve("index.rst"), "Manual\n======\n\n.. toctree::\n\n   interop/index\n"
        + "   system/devices/virtio/vhost-user\n");
    write(docs.resolve("interop/index.rst"), "Interoperability\n================\n\n"
        + ".. toctree::\n   :maxdepth: 2\n\n   vhost-user\n");
    write(docs.resolve("system/devices/virtio/vhost-user.rst"), "Vhost-user devices\n"
        + "==================\n\nThe daemons follow the :ref:`vhost_user_proto`, also known as"
        + " the :ref:`vhost user protocol <vhost_user_proto>`.\n");
    Path html = temp.resolve("html");
    Process sphinx = new ProcessBuilder("sphinx-build", "-W", "--keep-going", "-q", "-b", "html",
        docs.toString(), html.toString()).redirectErrorStream(true).start();
    try {
      assertThat(sphinx.waitFor(180, TimeUnit.SECONDS)).as("sphinx-build ends").isTrue();
      String output = new String(sphinx.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(sphinx.exitValue()).as(output).isZero();
    } finally {
      sphinx.destroyForcibly();
    }
    String built = Files.readString(html.resolve("interop/vhost-user.html"));
    for (String anchor : List.of("front-end-message-types", "back-end-message-types",
        "protocol-features", "vhost-user-protocol-f-reply-ack", "inflight-i-o-tracking",
        "memory-region-description", "backend-program-conventions")) {
      assertThat(built).as(anchor).contains("id=\"" + anchor + "\"");
    }
    assertThat(Files.readString(html.resolve("system/devices/virtio/vhost-user.html")))
        .contains("href=\"../../../interop/vhost-user.html#vhost-user-proto\"");
  }

  @Test
  void anInvalidSpecificationWritesNoPage() throws IOException {
    Path registry = Fixtures.overlay(CommandLineTest.BASE,
        ValidateFixturesTest.FIXTURES.resolve("duplicate-key"), temp.resolve("spec/registry"));
    Path page = temp.resolve("build/vhost-user.rst");
    CommandRun run = CommandRun.of("export-rst", "--registry", registry.toString(), "--out",
        page.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("[duplicate-key]", "vhost-spec: no page written");
    assertThat(page).doesNotExist();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
