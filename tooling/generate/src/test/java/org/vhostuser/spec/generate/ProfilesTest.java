package org.vhostuser.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading profiles: built-ins, a project's own file extending one, and every bad input. */
class ProfilesTest {
  @TempDir Path temp;

  @Test
  void everyBuiltInProfileLoads() throws Exception {
    for (String name : Profiles.BUILT_IN) {
      Profile profile = Profiles.load(name);
      assertThat(profile.name()).isEqualTo(name);
      assertThat(profile.languages()).isNotEmpty();
      assertThat(profile.licence()).isNotBlank();
    }
    assertThat(Profiles.load("crosvm").rust().frontEnd()).isEqualTo("FrontendReq");
    assertThat(Profiles.load("crosvm").licence()).isEqualTo("BSD-3-Clause");
  }

  @Test
  void aProjectProfileExtendsABuiltInAndChangesOnlyWhatItStates() throws Exception {
    Path file = write("ours.yaml", """
        profile: ours
        extends: qemu
        licence: "MIT"
        names: {VHOST_USER_GET_FEATURES: OUR_GET_FEATURES}
        c:
          file: ours.h
        """);
    Profile profile = Profiles.load(file.toString());
    assertThat(profile.licence()).isEqualTo("MIT");
    assertThat(profile.c().file()).isEqualTo("ours.h");
    assertThat(profile.c().frontEnd().type()).isEqualTo("VhostUserRequest");
    String header = Generation.generate(GoldenFilesTest.registry(), GoldenFilesTest.PROVENANCE,
        EnumSet.of(Language.C), profile, "").get(0).content();
    assertThat(header).startsWith("/* SPDX-License-Identifier: MIT */")
        .contains("    OUR_GET_FEATURES = 1,");
  }

  @Test
  void anUnknownKeyIsPositionedAndNamesTheKnownOnes() throws Exception {
    Path file = write("bad.yaml", "profile: bad\nextends: default\nc:\n  flie: x.h\n");
    assertThatThrownBy(() -> Profiles.load(file.toString()))
        .hasMessageStartingWith(file + ":4:3: error: unknown key 'flie' in 'c'; known keys:")
        .hasMessageEndingWith(" [profile]");
  }

  @Test
  void badValuesArePositioned() throws Exception {
    expect("languages: [cobol]\n", ":1:12: error: languages are c and rust, found 'cobol'");
    expect("licence: \"MIT */ int x;\"\n", ":1:1: error: 'licence' must be one line of printable"
        + " text (an SPDX expression)");
    expect("extends: default\nc: {typedefs: maybe}\n", ":2:5: error: 'typedefs' must be true or"
        + " false, found 'maybe'");
    expect("extends: default\nc: {file: ../escape.h}\n", ":2:5: error: 'file' must be a plain"
        + " file name ending in .h or .rs, found '../escape.h'");
    expect("extends: default\nnames: {A: \"B; int x\"}\n", ":2:9: error: 'names' maps 'A' to"
        + " an identifier");
    expect("extends: default\nc: {front_end_requests: {type: \"x y\"}}\n",
        ":2:26: error: 'type' must be an identifier, found 'x y'");
  }

  @Test
  void unreadableFilesAreOneLine() throws Exception {
    assertThatThrownBy(() -> Profiles.load("nonesuch"))
        .hasMessage("unknown profile 'nonesuch'; use one of default, qemu, dpdk, rust-vmm,"
            + " crosvm, or the path of a profile .yaml file [profile]");
    Path missing = temp.resolve("missing.yaml");
    assertThatThrownBy(() -> Profiles.load(missing.toString()))
        .hasMessage(missing + ": error: no profile file here [profile]");
    Path latin1 = temp.resolve("latin1.yaml");
    Files.write(latin1, "profile: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> Profiles.load(latin1.toString()))
        .hasMessage(latin1 + ":1:1: error: a profile file must be UTF-8 text [profile]");
    Path empty = write("empty.yaml", "");
    assertThatThrownBy(() -> Profiles.load(empty.toString()))
        .hasMessage(empty + ":1:1: error: the profile is empty [profile]");
    Path broken = write("broken.yaml", "c: [unclosed\n");
    assertThatThrownBy(() -> Profiles.load(broken.toString()))
        .hasMessageStartingWith(broken + ":1:1: error: not a well-formed profile:");
    Path deep = write("deep.yaml", "a: " + "[".repeat(50) + "]".repeat(50) + "\n");
    assertThatThrownBy(() -> Profiles.load(deep.toString()))
        .hasMessageContaining("error: nested deeper than a profile ever needs");
  }

  @Test
  void aCycleOfExtendsIsRefused() throws Exception {
    write("a.yaml", "extends: b.yaml\n");
    Path b = write("b.yaml", "extends: a.yaml\n");
    assertThatThrownBy(() -> Profiles.load(b.toString()))
        .hasMessageContaining("'extends' goes deeper than 8 profiles (a cycle?)");
  }

  private void expect(String yaml, String message) throws Exception {
    Path file = write("case.yaml", "profile: case\n" + yaml);
    // the first line is "profile: case", so positions in the expectations are one line lower
    String shifted = message.replaceFirst("^:(\\d+):", "");
    int line = Integer.parseInt(message.substring(1, message.indexOf(':', 1))) + 1;
    assertThatThrownBy(() -> Profiles.load(file.toString()))
        .hasMessage(file + ":" + line + ":" + shifted + " [profile]");
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(temp.resolve(name), text);
  }
}
