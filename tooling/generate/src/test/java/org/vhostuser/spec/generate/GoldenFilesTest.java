package org.vhostuser.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * Each generator's output for the small registry in {@code golden/input} equals the reviewed
 * file in {@code golden/expected}. Run with {@code -Dvhost.spec.updateGolden=true} to rewrite
 * the expected files, then review the diff before committing.
 */
class GoldenFilesTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final Provenance PROVENANCE =
      new Provenance("0123456789abcdef0123456789abcdef01234567", "sha256-of-the-test-registry",
          java.util.Map.of("front-end message VHOST_USER_GET_FEATURES", "v1.0",
              "protocol feature VHOST_USER_PROTOCOL_F_MQ", "v1.2"));

  @TempDir Path temp;

  @Test
  void everyGeneratorMatchesItsGoldenFile() throws IOException {
    for (GeneratedFile file : generate()) {
      Path expected = GOLDEN.resolve("expected").resolve(file.name());
      if (Boolean.getBoolean("vhost.spec.updateGolden")) {
        Files.writeString(expected, file.content(), StandardCharsets.UTF_8);
      }
      assertThat(file.content()).as(file.name())
          .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
  }

  @Test
  void theSameInputGivesByteIdenticalOutput() {
    assertThat(generate()).isEqualTo(generate());
  }

  @Test
  void writingTwiceChangesNothingAndCheckThenAgrees() throws IOException {
    List<GeneratedFile> files = generate();
    Generation.write(files, temp);
    Path header = temp.resolve(Language.C.fileName());
    FileTime written = Files.getLastModifiedTime(header);
    Files.setLastModifiedTime(header, FileTime.fromMillis(written.toMillis() - 10_000));
    FileTime aged = Files.getLastModifiedTime(header);

    Generation.write(files, temp);

    assertThat(Files.getLastModifiedTime(header)).isEqualTo(aged);
    assertThat(Generation.check(files, temp)).isEmpty();
    try (var listing = Files.list(temp)) {
      assertThat(listing.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("vhost-user-registry.json", "vhost_user_protocol.h",
              "vhost_user_protocol.rs");
    }
  }

  @Test
  void checkReportsMissingAndChangedFiles() throws IOException {
    List<GeneratedFile> files = generate();
    Generation.write(files, temp);
    Files.delete(temp.resolve(Language.JSON.fileName()));
    Path rust = temp.resolve(Language.RUST.fileName());
    Files.writeString(rust, Files.readString(rust).replace("GetFeatures = 1", "GetFeatures = 7"));

    assertThat(Generation.check(files, temp)).containsExactly(
        new Generation.Difference("vhost-user-registry.json", "missing"),
        new Generation.Difference("vhost_user_protocol.rs", "differs from line "
            + lineOf(files, "GetFeatures = 1") + " (expected: GetFeatures = 1,)"));
  }

  private static int lineOf(List<GeneratedFile> files, String text) {
    String rust = files.stream().filter(f -> f.name().endsWith(".rs")).findFirst().orElseThrow()
        .content();
    return rust.substring(0, rust.indexOf(text)).split("\n", -1).length;
  }

  static List<GeneratedFile> generate() {
    Registry registry = RegistryValidator.loadAndValidate(GOLDEN.resolve("input")).registry();
    return Generation.generate(registry, PROVENANCE, EnumSet.allOf(Language.class), "");
  }
}
