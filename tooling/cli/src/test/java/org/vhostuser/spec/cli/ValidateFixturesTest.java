package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code vhost-spec validate} on every fixture: the small valid registry in
 * {@code fixtures/base} with the fixture's files laid over it (and the files named in its
 * {@code delete.txt} removed). Each fixture's {@code expected.txt} gives the exit code on its first
 * line ({@code # exit N}) and then the exact diagnostic lines, with the folder shown as REGISTRY.
 */
class ValidateFixturesTest {
  static final Path FIXTURES = fixtures();

  @TempDir Path temp;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      return dirs.map(d -> d.getFileName().toString()).filter(n -> !n.equals("base")).sorted()
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedDiagnostics(String name) throws IOException {
    Path registry = Fixtures.overlay(FIXTURES.resolve("base"), FIXTURES.resolve(name),
        temp.resolve("registry"));
    List<String> expected = Files.readAllLines(FIXTURES.resolve(name).resolve("expected.txt"),
        StandardCharsets.UTF_8);

    CommandRun run = CommandRun.of("validate", "--registry", registry.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode(expected));
    assertThat(run.diagnostics(registry.toString())).containsExactlyElementsOf(
        expected.subList(1, expected.size()));
    assertThat(run.hasNoStackTrace()).isTrue();
  }

  private static int exitCode(List<String> expected) {
    assertThat(expected.get(0)).startsWith("# exit ");
    return Integer.parseInt(expected.get(0).substring("# exit ".length()).trim());
  }

  private static Path fixtures() {
    try {
      return Path.of(ValidateFixturesTest.class.getResource("/fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
