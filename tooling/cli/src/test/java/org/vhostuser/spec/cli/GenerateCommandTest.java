package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vhost-spec generate}: writing, checking a vendored copy, and refusing bad input. */
class GenerateCommandTest {
  static final String REGISTRY = "../../spec/registry";

  @TempDir Path temp;

  @Test
  void writesAllLanguagesThenCheckAgrees() {
    CommandRun run = CommandRun.of("generate", "--registry", REGISTRY, "--out", temp.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(temp + ": vhost-user-registry.json, vhost_user_protocol.h,"
        + " vhost_user_protocol.rs\n");

    CommandRun check = CommandRun.of("generate", "--check", "--registry", REGISTRY, "--out",
        temp.toString());
    assertThat(check.exitCode()).isZero();
    assertThat(check.out()).startsWith(temp + ": up to date (");
  }

  @Test
  void checkFailsWithAShortSummaryWhenACopyIsStale() throws IOException {
    CommandRun.of("generate", "--lang", "c,rust", "--registry", REGISTRY, "--out", temp.toString());
    Path header = temp.resolve("vhost_user_protocol.h");
    Files.writeString(header, Files.readString(header).replace(
        "VHOST_USER_GET_FEATURES = 1,", "VHOST_USER_GET_FEATURES = 2,"));

    CommandRun check = CommandRun.of("generate", "--check", "--lang", "c", "--lang", "rust",
        "--lang", "json", "--registry", REGISTRY, "--out", temp.toString());

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.err()).contains(
        temp.resolve("vhost-user-registry.json") + ": missing\n",
        temp.resolve("vhost_user_protocol.h") + ": differs from line ",
        "(expected: VHOST_USER_GET_FEATURES = 1,)",
        temp + ": 2 of 3 generated files out of date; run vhost-spec generate --out " + temp);
    assertThat(check.hasNoStackTrace()).isTrue();
  }

  @Test
  void anUnknownLanguageIsAUsageError() {
    CommandRun run = CommandRun.of("generate", "--lang", "cobol", "--registry", REGISTRY, "--out",
        temp.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(
        "vhost-spec: error: unknown language 'cobol' for --lang; use json, c or rust\n");
  }

  @Test
  void aRegistryWithErrorsGeneratesNothing() throws IOException {
    Path registry = Fixtures.overlay(CommandLineTest.BASE,
        ValidateFixturesTest.FIXTURES.resolve("duplicate-number"), temp.resolve("registry"));
    Path out = temp.resolve("out");
    CommandRun run = CommandRun.of("generate", "--registry", registry.toString(), "--out",
        out.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("[duplicate-number]",
        "vhost-spec: nothing generated: the registry has errors");
    assertThat(out).doesNotExist();
  }

  @Test
  void theRevisionCanBeGivenExplicitly() throws IOException {
    CommandRun.of("generate", "--lang", "c", "--revision", "v1.0", "--c-prefix", "QEMU_",
        "--registry", REGISTRY, "--out", temp.toString());
    assertThat(Files.readString(temp.resolve("vhost_user_protocol.h")))
        .contains("#define QEMU_VHOST_USER_SPEC_REVISION \"v1.0\"",
            "QEMU_VHOST_USER_GET_FEATURES = 1,");
  }

  @Test
  void aProfileWritesItsProjectsFileAndCheckKeepsItHonest() throws IOException {
    CommandRun run = CommandRun.of("generate", "--profile", "dpdk", "--registry", REGISTRY,
        "--out", temp.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(temp + ": vhost_user_protocol.h\n");
    Path header = temp.resolve("vhost_user_protocol.h");
    assertThat(Files.readString(header)).startsWith("/* SPDX-License-Identifier: BSD-3-Clause */")
        .contains("\tVHOST_USER_CRYPTO_CREATE_SESS = 26,");

    assertThat(CommandRun.of("generate", "--check", "--profile", "dpdk", "--registry", REGISTRY,
        "--out", temp.toString()).exitCode()).isZero();
    CommandRun neutral = CommandRun.of("generate", "--check", "--lang", "c", "--registry",
        REGISTRY, "--out", temp.toString());
    assertThat(neutral.exitCode()).isEqualTo(1);
    assertThat(neutral.err()).contains(header + ": differs from line 1");
  }

  @Test
  void aLanguageTheProfileDoesNotWriteIsAUsageError() {
    CommandRun run = CommandRun.of("generate", "--profile", "qemu", "--lang", "rust",
        "--registry", REGISTRY, "--out", temp.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(
        "vhost-spec: error: profile 'qemu' writes no rust; it writes c\n");
  }

  @Test
  void anUnknownProfileOrABrokenProfileFileIsOneLine() throws IOException {
    CommandRun unknown = CommandRun.of("generate", "--profile", "linux", "--registry", REGISTRY,
        "--out", temp.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("vhost-spec: unknown profile 'linux'; use one of default,"
        + " qemu, dpdk, rust-vmm, crosvm, or the path of a profile .yaml file [profile]\n");
    Path file = Files.writeString(temp.resolve("p.yaml"), "extends: qemu\nc: {indent: 4}\n"
        + "colour: blue\n");
    CommandRun broken = CommandRun.of("generate", "--profile", file.toString(), "--registry",
        REGISTRY, "--out", temp.resolve("out").toString());
    assertThat(broken.exitCode()).isEqualTo(2);
    assertThat(broken.err()).startsWith("vhost-spec: " + file + ":3:1: error: unknown key"
        + " 'colour' in the profile");
    assertThat(temp.resolve("out")).doesNotExist();
  }

  @Test
  void aCPrefixThatIsNoIdentifierIsRefusedBeforeAnyWork() {
    for (String prefix : new String[] {"9X_", "MY PREFIX", "A-B", "X\n#define Y", "\u00e9_"}) {
      CommandRun run = CommandRun.of("generate", "--c-prefix", prefix, "--registry", REGISTRY,
          "--out", temp.resolve("out").toString());
      assertThat(run.exitCode()).as(prefix).isEqualTo(2);
      assertThat(run.err()).as(prefix).startsWith("vhost-spec: error: --c-prefix must be the"
          + " start of a C identifier (letters, digits, underscores; no leading digit), found '");
      assertThat(run.err().lines().count()).isEqualTo(2);
      assertThat(temp.resolve("out")).doesNotExist();
    }
    CommandRun newline = CommandRun.of("generate", "--c-prefix", "X\n#define Y", "--registry",
        REGISTRY, "--out", temp.toString());
    assertThat(newline.err()).contains("found 'X\\x0a#define Y'");
  }

  @Test
  void aRevisionThatIsNotOnePrintableLineIsRefusedBeforeAnyWork() {
    for (String revision : new String[] {"v1\n#define EVIL 1", "x */ int evil; /*",
        "a\"b", "back\\slash", "", "\u0007bell", "x".repeat(201)}) {
      CommandRun run = CommandRun.of("generate", "--revision", revision, "--registry", REGISTRY,
          "--out", temp.resolve("out").toString());
      assertThat(run.exitCode()).as(revision).isEqualTo(2);
      assertThat(run.err()).as(revision).startsWith("vhost-spec: error: --revision must be one"
          + " line of printable text without quotes, backslashes or comment delimiters (at most"
          + " 200 characters), found '");
      assertThat(temp.resolve("out")).doesNotExist();
    }
  }
}
