package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vhost-spec next-id}: one above every used, reserved or retired number. */
class NextIdCommandTest {
  @TempDir Path temp;

  @Test
  void countsRetiredNumbersAsUsed() throws IOException {
    Path registry = java.nio.file.Files.createDirectories(temp.resolve("registry"));
    Fixtures.copyFiles(CommandLineTest.BASE, registry);
    CommandRun frontEnd = CommandRun.of("next-id", "--front-end", "--registry", registry.toString());
    assertThat(frontEnd.out()).isEqualTo("100\n"); // ids 1, 4, 5 used; 99 retired
    assertThat(CommandRun.of("next-id", "--back-end", "--registry", registry.toString()).out())
        .isEqualTo("2\n");
    assertThat(CommandRun.of("next-id", "--feature", "--registry", registry.toString()).out())
        .isEqualTo("4\n");
  }

  @Test
  void stepsOverARangeSetAside() throws IOException {
    Path registry = java.nio.file.Files.createDirectories(temp.resolve("registry"));
    Fixtures.copyFiles(CommandLineTest.BASE, registry);
    java.nio.file.Files.writeString(registry.resolve("registry.yaml"), "title: t\n"
        + "reserved_ranges:\n"
        + "  - {table: front-end, first: 100, last: 0x1ff, use: experiments, summary: s}\n"
        + "  - {table: protocol-features, first: 4, last: 7, use: experiments, summary: s}\n");
    assertThat(CommandRun.of("next-id", "--front-end", "--registry", registry.toString()).out())
        .isEqualTo("512\n");
    assertThat(CommandRun.of("next-id", "--feature", "--registry", registry.toString()).out())
        .isEqualTo("8\n");
    assertThat(CommandRun.of("next-id", "--back-end", "--registry", registry.toString()).out())
        .isEqualTo("2\n");
  }

  @Test
  void theRealRegistryContinuesAfterTheHighestNumbers() {
    assertThat(CommandRun.of("next-id", "--front-end", "--registry", "../../spec/registry").out())
        .isEqualTo("46\n");
    assertThat(CommandRun.of("next-id", "--feature", "--registry", "../../spec/registry").out())
        .isEqualTo("24\n");
  }

  @Test
  void exactlyOneTableMustBeNamed() {
    CommandRun none = CommandRun.of("next-id", "--registry", "../../spec/registry");
    assertThat(none.exitCode()).isEqualTo(2);
    CommandRun two = CommandRun.of("next-id", "--front-end", "--feature");
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.err()).startsWith("vhost-spec: error: Error: --front-end, --feature are"
        + " mutually exclusive");
  }
}
