package org.vhostuser.spec.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.Severity;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/** The preview survives any edit of its inputs: a render that fails says why and the loop goes on. */
class PreviewSessionTest {
  @TempDir Path temp;

  @Test
  void aDeeplyNestedEditIsReportedAndTheNextRenderStillRuns() throws Exception {
    Path registry = Files.createDirectories(temp.resolve("spec/registry"));
    TestFiles.copy(Path.of("../../spec/registry"), registry);
    Files.writeString(registry.resolve("enums.yaml"), "enums: " + "[".repeat(5000) + "\n");
    StringWriter printed = new StringWriter();
    Supplier<PreviewSession.Input> validated = () -> {
      var checked = RegistryValidator.loadAndValidate(registry);
      boolean errors = checked.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
      return errors ? new PreviewSession.Input(null, List.of("enums.yaml:1:1: error: deep"))
          : new PreviewSession.Input(checked.registry(), List.of());
    };
    PreviewSession session = new PreviewSession(SiteBuilder.Layout.of(temp, temp.resolve("out")),
        null, validated, new PrintWriter(printed, true));

    assertThat(session.renderSafely()).isFalse();
    assertThat(printed.toString()).isEqualTo("not rendered: the specification has errors (run"
        + " vhost-spec validate)\n");
    assertThat(session.problems()).as("shown over the pages").containsExactly(
        "enums.yaml:1:1: error: deep");
  }

  @Test
  void whateverTheRenderThrowsTheSessionReportsOneLineAndGoesOn() {
    Deque<Throwable> failures = new ArrayDeque<>();
    failures.add(new IllegalStateException("a registry folder that vanished"));
    failures.add(new StackOverflowError());
    failures.add(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException(
        "spec/index.adoc")));
    StringWriter printed = new StringWriter();
    Supplier<PreviewSession.Input> failing = () -> {
      Throwable next = failures.remove();
      if (next instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) next;
    };
    PreviewSession session = new PreviewSession(SiteBuilder.Layout.of(temp, temp.resolve("out")),
        null, failing, new PrintWriter(printed, true));
    for (int i = 0; i < 3; i++) {
      assertThat(session.renderSafely()).isFalse();
      assertThat(session.problems()).hasSize(1);
    }
    assertThat(session.problems()).containsExactly("not rendered: spec/index.adoc: permission"
        + " denied");
    assertThat(printed.toString()).isEqualTo("not rendered: a registry folder that vanished\n"
        + "not rendered: the call stack overflowed (StackOverflowError)\n"
        + "not rendered: spec/index.adoc: permission denied\n");
  }
}
