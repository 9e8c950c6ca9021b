package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vhost-spec maintainers check} and {@code for}, on MAINTAINERS files the tests write. */
class MaintainersCommandTest {
  @TempDir Path temp;

  @Test
  void theRealFileIsWellFormedAndEveryPatternMatches() {
    CommandRun run = CommandRun.of("maintainers", "check", "--file", "../../MAINTAINERS");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void everyFormatProblemIsAPositionedDiagnostic() throws IOException {
    Files.createDirectories(temp.resolve("spec"));
    Files.writeString(temp.resolve("spec/a.adoc"), "x");
    Path file = Files.writeString(temp.resolve("MAINTAINERS"), """
        # comment
        Prose
        M: Ada Lovelace <ada@example.org>
        F: spec/*.adoc

        Prose
        R: not a person
        S: Sometimes
        F: nothing/**
        Q: what is this
        this line has no tag

        Registry
        R: github:someone
        """);
    CommandRun run = CommandRun.of("maintainers", "check", "--file", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    // diagnostics() shows the test's folder as SPEC
    assertThat(run.diagnostics(temp.resolve("x").toString())).containsExactly(
        "SPEC/MAINTAINERS:2:1: error: section 'Prose' has maintainers but no S: line [maintainers-format]",
        "SPEC/MAINTAINERS:6:1: error: section title 'Prose' is already used at line 2 [maintainers-format]",
        "SPEC/MAINTAINERS:7:1: error: expected 'Full Name <address>' or 'github:USER', found 'not a"
            + " person' [maintainers-format]",
        "SPEC/MAINTAINERS:8:1: error: status must be one of Supported, Maintained, Odd Fixes, Orphan;"
            + " found 'Sometimes' [maintainers-format]",
        "SPEC/MAINTAINERS:9:1: error: pattern 'nothing/**' matches no file of the repository"
            + " [maintainers-pattern]",
        "SPEC/MAINTAINERS:10:1: error: unknown tag 'Q:'; tags are M, R, L, S, F, X and W"
            + " [maintainers-format]",
        "SPEC/MAINTAINERS:11:1: error: expected 'T: value' (a tag letter, a colon, one space, the value),"
            + " found 'this line has no tag' [maintainers-format]",
        "SPEC/MAINTAINERS:13:1: error: section 'Registry' has no F: line [maintainers-format]");
  }

  @Test
  void forListsEachPersonOnceWithTheirRoles() {
    CommandRun run = CommandRun.of("maintainers", "for", "--file", "../../MAINTAINERS",
        "../../spec/registry/payloads.yaml");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Michael S. Tsirkin <mst@redhat.com> (maintainer:"
        + " vhost-user protocol specification: registry and prose)\n")
        .contains("qemu-devel@nongnu.org (list: ");
  }

  @Test
  void aPathOutsideTheRepositoryIsOneCleanLine() {
    CommandRun run = CommandRun.of("maintainers", "for", "--file", "../../MAINTAINERS",
        "/etc/hostname");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("vhost-spec: /etc/hostname is outside the repository (")
        .doesNotContain("\tat ");
  }
}
