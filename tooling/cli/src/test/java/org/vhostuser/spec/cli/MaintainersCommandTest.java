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
  void forRefusesAFileWithFormatErrors() throws IOException {
    Path file = Files.writeString(temp.resolve("MAINTAINERS"), """
        Prose
        M: not a person
        S: Maintained
        F: MAINTAINERS
        """);
    CommandRun run = CommandRun.of("maintainers", "for", "--file", file.toString(),
        file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.diagnostics(temp.resolve("x").toString())).containsExactly(
        "SPEC/MAINTAINERS:2:1: error: expected 'Full Name <address>' or 'github:USER', found 'not a"
            + " person' [maintainers-format]");
    assertThat(run.hasNoStackTrace()).isTrue();
  }

  @Test
  void aPathOutsideTheRepositoryIsOneCleanLine() {
    CommandRun run = CommandRun.of("maintainers", "for", "--file", "../../MAINTAINERS",
        "/etc/hostname");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("vhost-spec: /etc/hostname is outside the repository (")
        .doesNotContain("\tat ");
  }

  @Test
  void theCommittedCodeOwnersMatchesMaintainers() {
    CommandRun run = CommandRun.of("maintainers", "codeowners", "--check", "--file",
        "../../MAINTAINERS");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void codeOwnersNamesMaintainersAsApproversAndReviewersAsOptional() throws IOException {
    Files.createDirectories(temp.resolve("spec"));
    Path file = Files.writeString(temp.resolve("MAINTAINERS"), """
        Prose
        M: Ada Lovelace <ada@example.org>
        R: Bob Reviewer <bob@example.org>
        R: github:carol
        R: gitlab:dave
        S: Supported
        F: spec/*.adoc

        Tools
        S: Orphan
        F: tooling/
        """);
    CommandRun stale = CommandRun.of("maintainers", "codeowners", "--check", "--file",
        file.toString());
    assertThat(stale.exitCode()).isEqualTo(1);
    assertThat(stale.err()).isEqualTo(temp.resolve(".gitlab/CODEOWNERS") + " does not match "
        + file + "; run: vhost-spec maintainers codeowners\n");
    assertThat(CommandRun.of("maintainers", "codeowners", "--file", file.toString()).exitCode())
        .isZero();
    assertThat(Files.readString(temp.resolve(".gitlab/CODEOWNERS"))).endsWith("""
        # Prose (Supported)
        # also reviewing, without a GitLab address here: github:carol
        [Prose]
        /spec/*.adoc ada@example.org
        ^[Prose (reviewers)]
        /spec/*.adoc bob@example.org @dave

        # Tools (Orphan)
        # no maintainer or reviewer with an address: no code owners
        """);
    assertThat(CommandRun.of("maintainers", "codeowners", "--check", "--file", file.toString())
        .exitCode()).isZero();
  }

  @Test
  void forDiffNamesThePeopleForEveryChangedFile() throws Exception {
    Files.createDirectories(temp.resolve("spec"));
    Files.createDirectories(temp.resolve("tooling"));
    Files.writeString(temp.resolve("spec/a.adoc"), "x\n");
    Files.writeString(temp.resolve("tooling/b.java"), "y\n");
    Path file = Files.writeString(temp.resolve("MAINTAINERS"), """
        Prose
        M: Ada Lovelace <ada@example.org>
        S: Maintained
        F: spec/*.adoc

        Tools
        R: Bob Reviewer <bob@example.org>
        S: Maintained
        F: tooling/
        """);
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init()
        .setDirectory(temp.toFile()).setInitialBranch("main").call()) {
      org.eclipse.jgit.lib.PersonIdent who = new org.eclipse.jgit.lib.PersonIdent("Ada",
          "ada@example.org", java.time.Instant.parse("2026-01-01T00:00:00Z"),
          java.time.ZoneOffset.UTC);
      git.add().addFilepattern(".").call();
      git.commit().setMessage("start").setAuthor(who).setCommitter(who).setSign(false).call();
    }
    CommandRun none = CommandRun.of("maintainers", "for", "--diff", "main", "--file",
        file.toString());
    assertThat(none.out()).isEqualTo("no file differs from main\n");
    Files.writeString(temp.resolve("tooling/b.java"), "changed\n");
    CommandRun run = CommandRun.of("maintainers", "for", "--diff", "main", "--file",
        file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Bob Reviewer <bob@example.org> (reviewer: Tools)\n");
    CommandRun neither = CommandRun.of("maintainers", "for", "--file", file.toString());
    assertThat(neither.exitCode()).isEqualTo(2);
    CommandRun unknown = CommandRun.of("maintainers", "for", "--diff", "nope", "--file",
        file.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("vhost-spec: unknown revision 'nope' (a commit, branch"
        + " or tag of this repository)\n");
  }
}
