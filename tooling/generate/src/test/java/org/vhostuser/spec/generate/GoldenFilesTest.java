package org.vhostuser.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * Each generator's output for the small registry in {@code golden/input}, in every built-in
 * profile, equals the reviewed file in {@code golden/expected/PROFILE}. Run with
 * {@code -Dvhost.spec.updateGolden=true} to rewrite the expected files, then review the diff
 * before committing.
 */
class GoldenFilesTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final Provenance PROVENANCE =
      new Provenance("0123456789abcdef0123456789abcdef01234567", "sha256-of-the-test-registry",
          java.util.Map.of("front-end message VHOST_USER_GET_FEATURES", "v1.0",
              "protocol feature VHOST_USER_PROTOCOL_F_MQ", "v1.2"));

  @TempDir Path temp;

  @Test
  void everyGeneratorMatchesItsGoldenFileInEveryProfile() throws Exception {
    for (String name : Profiles.BUILT_IN) {
      Profile profile = Profiles.load(name);
      Set<Language> languages = EnumSet.copyOf(profile.languages());
      if (name.equals("default")) {
        languages.add(Language.JSON);
      }
      for (GeneratedFile file : Generation.generate(registry(), PROVENANCE, languages, profile,
          "")) {
        Path expected = GOLDEN.resolve("expected").resolve(name).resolve(file.name());
        if (Boolean.getBoolean("vhost.spec.updateGolden")) {
          Files.createDirectories(expected.getParent());
          Files.writeString(expected, file.content(), StandardCharsets.UTF_8);
        }
        assertThat(file.content()).as(name + "/" + file.name())
            .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void eachProfileCarriesItsOwnLicenceLine() throws Exception {
    assertThat(headerOf("qemu")).startsWith("/* SPDX-License-Identifier: GPL-2.0-or-later */\n");
    assertThat(headerOf("dpdk")).startsWith("/* SPDX-License-Identifier: BSD-3-Clause */\n");
    assertThat(headerOf("default"))
        .startsWith("/* SPDX-License-Identifier: BSD-3-Clause OR Apache-2.0 */\n");
    assertThat(Generation.generate(registry(), PROVENANCE, EnumSet.of(Language.RUST),
        Profiles.load("rust-vmm"), "").get(0).content())
        .startsWith("// SPDX-License-Identifier: Apache-2.0 OR BSD-3-Clause\n");
  }

  private static String headerOf(String profile) throws Exception {
    return Generation.generate(registry(), PROVENANCE, EnumSet.of(Language.C),
        Profiles.load(profile), "").get(0).content();
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
    return Generation.generate(registry(), PROVENANCE, EnumSet.allOf(Language.class), "");
  }

  /** The fixture registry; it must validate, so the goldens show a registry that could exist. */
  static Registry registry() {
    RegistryValidator.Checked checked = RegistryValidator.loadAndValidate(GOLDEN.resolve("input"));
    assertThat(checked.diagnostics().stream().map(Object::toString).toList()).isEmpty();
    return checked.registry();
  }
}
