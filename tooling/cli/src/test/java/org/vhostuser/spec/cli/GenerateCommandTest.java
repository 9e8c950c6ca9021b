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
}
