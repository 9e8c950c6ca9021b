package org.vhostuser.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * The C header of every C profile, generated from the real registry, compiles with gcc and
 * clang as C99, C11 and C2x and as C++11, C++17 and C++20 with -Wall -Wextra -Werror -pedantic
 * (also for -m32, and with proposed entries and old names compiled in), with each project's own
 * warning flags, next to the kernel's headers in either order; and a program shaped like each
 * project's message framing sends and receives a message with descriptors through it. gcc,
 * g++, clang and gcc-multilib must be installed ({@code .ci/run} does).
 */
class CompileTest {
  static final List<String> STRICT = List.of("-Wall", "-Wextra", "-Werror", "-pedantic");
  /** QEMU's meson.build warn_flags (those both compilers know) with its gnu11. */
  static final List<String> QEMU_FLAGS = List.of("-std=gnu11", "-Wall", "-Werror",
      "-Wempty-body", "-Wendif-labels", "-Wexpansion-to-defined", "-Wformat-security",
      "-Wformat-y2k", "-Wignored-qualifiers", "-Winit-self", "-Wmissing-format-attribute",
      "-Wmissing-prototypes", "-Wnested-externs", "-Wold-style-definition", "-Wredundant-decls",
      "-Wstrict-prototypes", "-Wtype-limits", "-Wundef", "-Wvla", "-Wwrite-strings");
  /** DPDK's config/meson.build warning flags with its c11 and warning_level=2 (-Wextra). */
  static final List<String> DPDK_FLAGS = List.of("-std=c11", "-Wall", "-Wextra", "-Werror",
      "-Wcast-qual", "-Wdeprecated", "-Wformat", "-Wformat-nonliteral", "-Wformat-security",
      "-Wmissing-declarations", "-Wmissing-prototypes", "-Wnested-externs",
      "-Wold-style-definition", "-Wpointer-arith", "-Wshadow", "-Wsign-compare",
      "-Wstrict-prototypes", "-Wundef", "-Wwrite-strings", "-Wno-missing-field-initializers",
      "-Wvla");

  static Registry registry;

  @TempDir Path temp;

  @BeforeAll
  static void load() {
    registry = RegistryValidator.loadAndValidate(Path.of("../../spec/registry")).registry();
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "qemu", "dpdk"})
  void theHeaderCompilesInEveryStandardWithEveryCompiler(String profile) throws Exception {
    String header = write(profile, "");
    for (String cc : List.of("gcc", "clang")) {
      for (String standard : List.of("c99", "c11", "c2x")) {
        for (List<String> defines : List.of(List.<String>of(), List.of(
            "-DVHOST_USER_SPEC_PROPOSED", "-DVHOST_USER_SPEC_PREVIOUS_NAMES"))) {
          compile(cc, "-std=" + standard, defines, "c", header);
        }
      }
      String cxx = cc.equals("gcc") ? "g++" : "clang++";
      for (String standard : List.of("c++11", "c++17", "c++20")) {
        compile(cxx, "-std=" + standard, List.of("-DVHOST_USER_SPEC_PROPOSED"), "c++", header);
      }
    }
    compile("gcc", "-std=c11", List.of("-m32"), "c", header);
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "qemu", "dpdk"})
  void theHeaderCoexistsWithTheKernelHeadersInEitherOrder(String profile) throws Exception {
    String header = write(profile, "");
    List<List<String>> orders = List.of(
        List.of("<linux/vhost.h>", "<linux/virtio_config.h>", "\"" + header + "\""),
        List.of("\"" + header + "\"", "<linux/vhost.h>", "<linux/virtio_config.h>"),
        List.of("<linux/virtio_config.h>", "\"" + header + "\"", "<linux/vhost.h>"));
    int i = 0;
    for (List<String> order : orders) {
      StringBuilder source = new StringBuilder();
      order.forEach(h -> source.append("#include ").append(h).append('\n'));
      source.append("int main(void) { return VHOST_USER_GET_FEATURES == 1"
          + " && VIRTIO_F_VERSION_1 == 32 && VHOST_IOTLB_MISS == 1 ? 0 : 1; }\n");
      Path file = Files.writeString(temp.resolve("order" + i++ + ".c"), source);
      for (String cc : List.of("gcc", "clang")) {
        Toolchain.run(temp, concat(List.of(cc, "-std=c11"), STRICT, List.of(file.toString(),
            "-o", file + "." + cc)));
        Toolchain.run(temp, List.of(file + "." + cc));
      }
    }
    // <linux/vhost.h> is not C++ itself (DPDK leaves it out of C++ too); virtio_config.h is
    Path cxx = Files.writeString(temp.resolve("order.cc"), "#include <linux/virtio_config.h>\n"
        + "#include \"" + header + "\"\nint main() { return VIRTIO_F_RING_PACKED == 34 ? 0 : 1; }\n");
    Toolchain.run(temp, concat(List.of("g++", "-std=c++17"), STRICT, List.of(cxx.toString())));
  }

  @Test
  void theQemuAndDpdkHeadersCompileWithTheProjectsOwnFlags() throws Exception {
    String qemu = write("qemu", "");
    String dpdk = write("dpdk", "");
    for (String cc : List.of("gcc", "clang")) {
      compileWith(cc, QEMU_FLAGS, qemu);
      compileWith(cc, DPDK_FLAGS, dpdk);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "qemu", "dpdk"})
  void aConsumerShapedLikeTheProjectFramesAMessageWithDescriptors(String profile)
      throws Exception {
    write(profile, "");
    for (String name : List.of("framing.h", profile + ".c")) {
      Files.copy(Path.of("src/test/resources/consumers", name), temp.resolve(name));
    }
    List<String> flags = profile.equals("qemu") ? QEMU_FLAGS
        : profile.equals("dpdk") ? DPDK_FLAGS : concat(List.of("-std=c11"), STRICT);
    Toolchain.run(temp, concat(List.of("gcc", "-D_GNU_SOURCE"), flags, List.of(profile + ".c",
        "-o", "consumer")));
    assertThat(Toolchain.run(temp, List.of("./consumer")))
        .isEqualTo("framed 84 bytes with 2 fds, 0 failures\n");
  }

  @Test
  void aPrefixedHeaderCompilesNextToTheKernelNames() throws Exception {
    write("default", "MY_");
    Files.writeString(temp.resolve("use.c"),
        "#define VHOST_IOTLB_MISS 1\n#define VIRTIO_F_IOMMU_PLATFORM 33\n"
            + "#include \"vhost_user_protocol.h\"\n"
            + "int main(void) { struct my_vhost_user_vring_addr a; (void)a;"
            + " return MY_VHOST_USER_GET_FEATURES == 1 ? 0 : 1; }\n");
    Toolchain.run(temp, concat(List.of("gcc", "-std=c11"), STRICT, List.of("use.c", "-o",
        "use")));
    Toolchain.run(temp, List.of("./use"));
  }

  @Test
  void aWrongOlderDefinitionFailsTheBuildAtTheHeader() throws Exception {
    write("default", "");
    Files.writeString(temp.resolve("wrong.c"), "#define VHOST_USER_PROTOCOL_F_MQ 7\n"
        + "#include \"vhost_user_protocol.h\"\nint main(void) { return 0; }\n");
    Toolchain.Result result = Toolchain.attempt(temp, Map.of(), concat(List.of("gcc",
        "-std=c11"), STRICT, List.of("-c", "wrong.c")));
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("value_VHOST_USER_PROTOCOL_F_MQ");
  }

  @Test
  void aProgramFindsEverySizeAndOffsetAtRunTime() throws Exception {
    write("default", "");
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
        if (f.field().flexible()) {
          continue;
        }
        program.add("  expect(\"" + p.name() + "." + f.field().name()
            + "\", (unsigned long)offsetof(" + struct + ", " + f.field().name() + "), "
            + f.offset() + "UL);");
        checks++;
      }
    }
    program.add("  printf(\"%d checks, %d failures\\n\", " + checks + ", failures);");
    program.add("  return failures != 0;");
    program.add("}");
    Files.write(temp.resolve("layout.c"), program, StandardCharsets.UTF_8);
    Toolchain.run(temp, List.of("gcc", "-std=c11", "-Wall", "-Wextra", "-Werror", "layout.c",
        "-o", "layout"));
    assertThat(Toolchain.run(temp, List.of("./layout"))).contains(checks + " checks, 0 failures");
    assertThat(checks).isGreaterThan(100);
  }

  /** Writes the profile's header into the temporary folder; returns its file name. */
  private String write(String profile, String prefix) throws Exception {
    List<GeneratedFile> files = Generation.generate(registry, GoldenFilesTest.PROVENANCE,
        EnumSet.of(Language.C), Profiles.load(profile), prefix);
    Generation.write(files, temp);
    return files.get(0).name();
  }

  private void compile(String compiler, String standard, List<String> extra, String language,
      String header) throws Exception {
    Toolchain.run(temp, concat(List.of(compiler, standard), STRICT, extra,
        List.of("-x", language, "-c", header, "-o", "/dev/null")));
  }

  private void compileWith(String compiler, List<String> flags, String header) throws Exception {
    List<String> known = compiler.equals("clang") ? concat(List.of(
        "-Wno-unknown-warning-option"), flags) : flags;
    Toolchain.run(temp, concat(List.of(compiler), known, List.of("-x", "c", "-c", header, "-o",
        "/dev/null")));
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return all;
  }
}
