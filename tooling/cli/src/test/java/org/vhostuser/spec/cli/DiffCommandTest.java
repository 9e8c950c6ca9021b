package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vhost-spec diff}, {@code changelog} and {@code check-commits} as a user and CI run them:
 * exit codes, reports, one-line problems.
 */
class DiffCommandTest {
  @TempDir Path temp;
  Path registry;

  @BeforeEach
  void repositoryWithTheTestRegistry() throws Exception {
    registry = Files.createDirectories(temp.resolve("spec/registry"));
    Fixtures.copyFiles(Path.of("../testdata/registry"), registry); // never the living registry
    try (Git git = Git.init().setDirectory(temp.toFile()).setInitialBranch("main").call()) {
      PersonIdent who = new PersonIdent("Ada Reviewer", "ada@example.org",
          Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
      git.add().addFilepattern(".").call();
      git.commit().setMessage("Registry").setAuthor(who).setCommitter(who).setSign(false).call();
    }
  }

  private void renumberSetOwner() throws Exception {
    Path file = registry.resolve("front-end-messages.yaml");
    Files.writeString(file, Files.readString(file).replace(
        "  - name: VHOST_USER_SET_OWNER\n    id: 3\n", "  - name: VHOST_USER_SET_OWNER\n    id: 99\n"));
  }

  @Test
  void noChangeExitsZero() {
    CommandRun run = CommandRun.of("diff", "main", "--registry", registry.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Changes from main to working tree: 0 changes\n"
        + "verdict: no breaking change\n");
  }

  @Test
  void anUnapprovedBreakExitsOneAndWritesEveryReport() throws Exception {
    renumberSetOwner();
    Path note = temp.resolve("out/review.md");
    Path quality = temp.resolve("out/gl-code-quality.json");
    CommandRun run = CommandRun.of("diff", "main", "--registry", registry.toString(),
        "--report", "markdown=" + note, "--report", "codequality=" + quality);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains(": error: front-end message VHOST_USER_SET_OWNER: its id"
        + " changed from 3 to 99 [number-changed]\n");
    assertThat(Files.readString(note)).contains("**:x: Refused: 1 unapproved breaking change.**");
    assertThat(Files.readString(quality)).contains("\"severity\": \"blocker\"");
    try (var left = Files.list(note.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("review.md", "gl-code-quality.json");
    }
  }

  @Test
  void theWorkingTreesProseIsValidatedToo() throws Exception {
    Files.writeString(temp.resolve("spec/index.adoc"), "= Spec\n\nSee vu:VHOST_USER_NOPE[].\n");
    CommandRun run = CommandRun.of("diff", "main", "--registry", registry.toString(),
        "--format", "markdown");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("`prose-unresolved-reference`").contains("VHOST_USER_NOPE");
  }

  @Test
  void anApprovedBreakExitsZero() throws Exception {
    renumberSetOwner();
    Files.writeString(registry.resolve("accepted-breaks.yaml"), "accepted:\n"
        + "  - rule: number-changed\n    entry: VHOST_USER_SET_OWNER\n    reason: \"agreed\"\n");
    CommandRun run = CommandRun.of("diff", "main", "--registry", registry.toString(),
        "--format", "json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"passes\": true").contains("\"reason\": \"agreed\"");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    CommandRun run = CommandRun.of("diff", "main", "--registry", registry.toString(),
        "--format", "yaml");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("vhost-spec: error: Invalid value for --format: 'yaml'"
        + " (expected one of text, markdown, json, codequality, email)");
  }

  @Test
  void anUnknownRevisionIsOneLine() {
    CommandRun run = CommandRun.of("diff", "v9.9", "--registry", registry.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("vhost-spec: unknown revision 'v9.9' (a commit, branch or"
        + " tag of this repository)\n");
  }

  @Test
  void changelogOfARepositoryWithoutTags() {
    CommandRun run = CommandRun.of("changelog", "--registry", registry.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("# Changelog of the vhost-user protocol registry\n\n"
        + "No release has been tagged yet.\n");
    CommandRun since = CommandRun.of("changelog", "--since", "v1", "--registry",
        registry.toString());
    assertThat(since.exitCode()).isEqualTo(2);
    assertThat(since.err()).isEqualTo("vhost-spec: no release tag 'v1'; this repository has no"
        + " tags\n");
  }

  @Test
  void checkCommitsReportsAnUnsignedCommit() throws Exception {
    try (Git git = Git.open(temp.toFile())) {
      PersonIdent who = new PersonIdent("Ada Reviewer", "ada@example.org",
          Instant.parse("2026-01-02T00:00:00Z"), ZoneOffset.UTC);
      git.commit().setMessage("Signed\n\nSigned-off-by: Ada Reviewer <ada@example.org>")
          .setAuthor(who).setCommitter(who).setSign(false).setAllowEmpty(true).call();
      CommandRun signed = CommandRun.of("check-commits", "main~1..main", "--registry",
          registry.toString());
      assertThat(signed.exitCode()).isZero();
      assertThat(signed.out()).isEqualTo("1 commit checked, 0 problems\n");
      git.commit().setMessage("Unsigned").setAuthor(who).setCommitter(who).setSign(false)
          .setAllowEmpty(true).call();
    }
    CommandRun run = CommandRun.of("check-commits", "main~2..main", "--registry",
        registry.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("\"Unsigned\": no 'Signed-off-by: Ada Reviewer"
        + " <ada@example.org>' line from its author").endsWith("2 commits checked, 1 problem\n");
  }
}
