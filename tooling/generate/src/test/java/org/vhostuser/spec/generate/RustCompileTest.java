package org.vhostuser.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * The Rust module of every Rust profile, generated from the real registry, is a module of a
 * no_std cargo crate (offline, no dependencies) that rustfmt leaves as it is, clippy passes with
 * -D warnings with and without the "proposed" feature, and whose tests pass; for rust-vmm and
 * crosvm the crate also holds code shaped like that project's use of its own message types.
 * cargo, rustfmt and clippy must be installed ({@code .ci/run} does).
 */
class RustCompileTest {
  static Registry registry;

  @TempDir Path temp;

  @BeforeAll
  static void load() {
    registry = RegistryValidator.loadAndValidate(Path.of("../../spec/registry")).registry();
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "rust-vmm", "crosvm"})
  void theModuleIsFormattedClippyCleanAndItsTestsPass(String profile) throws Exception {
    Path src = Files.createDirectories(temp.resolve("src"));
    GeneratedFile module = Generation.generate(registry, GoldenFilesTest.PROVENANCE,
        EnumSet.of(Language.RUST), Profiles.load(profile), "").get(0);
    Files.writeString(src.resolve("protocol.rs"), module.content());
    Path usage = Path.of("src/test/resources/usage", profile + ".rs");
    boolean hasUsage = Files.exists(usage);
    if (hasUsage) {
      Files.copy(usage, src.resolve("usage.rs"));
    }
    Files.writeString(src.resolve("lib.rs"), "#![no_std]\npub mod protocol;\n"
        + (hasUsage ? "pub mod usage;\n" : ""));
    Files.writeString(temp.resolve("Cargo.toml"), "[package]\nname = \"generated-check\"\n"
        + "version = \"0.1.0\"\nedition = \"2021\"\n\n[features]\nproposed = []\n");
    Map<String, String> env = Map.of("CARGO_TARGET_DIR", temp.resolve("target").toString(),
        "CARGO_TERM_COLOR", "never");

    Toolchain.run(temp, env, List.of("cargo", "fmt", "--check"));
    for (List<String> features : List.of(List.<String>of(), List.of("--features", "proposed"))) {
      Toolchain.run(temp, env, concat(List.of("cargo", "clippy", "--offline", "--all-targets"),
          features, List.of("--", "-D", "warnings")));
    }
    String tests = Toolchain.run(temp, env, List.of("cargo", "test", "--offline", "--features",
        "proposed"));
    assertThat(tests).contains("test result: ok. " + (hasUsage ? 4 : 3) + " passed; 0 failed");
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    return all;
  }
}
