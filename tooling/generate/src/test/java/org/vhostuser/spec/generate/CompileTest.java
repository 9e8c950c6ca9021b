package org.vhostuser.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * The code generated from the real registry compiles with the strictest common settings and
 * agrees with the registry at run time. gcc and rustc must be installed ({@code .ci/run} does).
 */
class CompileTest {
  static Registry registry;

  @TempDir Path temp;

  @BeforeAll
  static void load() {
    registry = RegistryValidator.loadAndValidate(Path.of("../../spec/registry")).registry();
  }

  @Test
  void theHeaderCompilesAsC99AndC11WithoutAWarning() throws Exception {
    write(Generation.generate(registry, GoldenFilesTest.PROVENANCE, EnumSet.of(Language.C), ""));
    Files.writeString(temp.resolve("use.c"),
        "#define VHOST_USER_SPEC_PROPOSED\n#define VHOST_USER_SPEC_PREVIOUS_NAMES\n"
            + "#include \"vhost_user_protocol.h\"\nint main(void) { return 0; }\n");
    for (String standard : List.of("c99", "c11")) {
      run("gcc", "-std=" + standard, "-Wall", "-Wextra", "-Werror", "-pedantic", "-c", "use.c",
          "-o", "use-" + standard + ".o");
    }
  }

  @Test
  void aPrefixedHeaderCompilesNextToTheKernelNames() throws Exception {
    write(Generation.generate(registry, GoldenFilesTest.PROVENANCE, EnumSet.of(Language.C),
        "MY_"));
    Files.writeString(temp.resolve("use.c"),
        "#define VHOST_IOTLB_MISS 1\n#define VIRTIO_F_IOMMU_PLATFORM 33\n"
            + "#include \"vhost_user_protocol.h\"\n"
            + "int main(void) { struct my_vhost_user_vring_addr a; (void)a;"
            + " return MY_VHOST_USER_GET_FEATURES == 1 ? 0 : 1; }\n");
    run("gcc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic", "use.c", "-o", "use");
    run("./use");
  }

  @Test
  void aProgramFindsEverySizeAndOffsetAtRunTime() throws Exception {
    write(Generation.generate(registry, GoldenFilesTest.PROVENANCE, EnumSet.of(Language.C), ""));
    Layouts layouts = Layouts.of(registry);
    List<String> program = new ArrayList<>(List.of(
        "#include <stddef.h>", "#include <stdio.h>", "#include \"vhost_user_protocol.h\"",
        "static int failures;",
        "static void expect(const char *what, unsigned long got, unsigned long want) {",
        "  if (got != want) { printf(\"%s: %lu, expected %lu\\n\", what, got, want); failures++; }",
        "}", "int main(void) {"));
    int checks = 0;
    for (Payload p : registry.payloads()) {
      Layouts.PayloadLayout layout = layouts.of(p.name()).orElseThrow();
      String struct = "struct vhost_user_" + p.name();
      program.add("  expect(\"sizeof " + p.name() + "\", (unsigned long)sizeof(" + struct + "), "
          + layout.size() + "UL);");
      checks++;
      for (Layouts.FieldLayout f : layout.fields()) {
        program.add("  expect(\"" + p.name() + "." + f.field().name() + "\", (unsigned long)offsetof("
            + struct + ", " + f.field().name() + "), " + f.offset() + "UL);");
        checks++;
      }
    }
    program.add("  printf(\"%d checks, %d failures\\n\", " + checks + ", failures);");
    program.add("  return failures != 0;");
    program.add("}");
    Files.write(temp.resolve("layout.c"), program, StandardCharsets.UTF_8);
    run("gcc", "-std=c11", "-Wall", "-Wextra", "-Werror", "layout.c", "-o", "layout");
    assertThat(run("./layout")).contains(checks + " checks, 0 failures");
    assertThat(checks).isGreaterThan(100);
  }

  @Test
  void theRustModuleBuildsAsNoStdWithoutAWarningAndItsTestsPass() throws Exception {
    write(Generation.generate(registry, GoldenFilesTest.PROVENANCE, EnumSet.of(Language.RUST), ""));
    Files.writeString(temp.resolve("lib.rs"),
        "#![no_std]\n#[path = \"vhost_user_protocol.rs\"]\npub mod protocol;\n");
    run("rustc", "--edition", "2021", "--crate-type", "lib", "-D", "warnings", "lib.rs",
        "-o", "libprotocol.rlib");
    run("rustc", "--edition", "2021", "--test", "-D", "warnings", "vhost_user_protocol.rs",
        "-o", "protocol-tests");
    assertThat(run("./protocol-tests")).contains("test result: ok. 3 passed; 0 failed");
  }

  private void write(List<GeneratedFile> files) throws IOException {
    Generation.write(files, temp);
  }

  /** Runs a command in the temporary folder; fails the test with its output when it fails. */
  private String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(temp.toFile())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("timed out: " + String.join(" ", command))
        .isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }
}
