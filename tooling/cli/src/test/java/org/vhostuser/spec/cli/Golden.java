package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file. Run the tests with {@code -Dvhost.spec.updateGolden=true}
 * to rewrite the golden files in the source tree instead; then review the diff before committing.
 */
final class Golden {
  static final boolean UPDATE = Boolean.getBoolean("vhost.spec.updateGolden");

  private Golden() {}

  /** Asserts {@code actual} equals the golden file at {@code relative} under src/test/resources. */
  static void check(String relative, String actual) throws IOException {
    Path source = Path.of("src/test/resources").resolve(relative);
    if (UPDATE) {
      Files.writeString(source, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(actual).isEqualTo(Files.readString(source, StandardCharsets.UTF_8));
  }
}
