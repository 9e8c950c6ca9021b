package org.vhostuser.spec.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/** check-commits: the author's sign-off on every commit, a valid specification at every commit. */
class CommitCheckTest extends RepositoryTest {

  @Test
  void signedValidCommitsPass() throws Exception {
    repository.commit("One");
    repository.commit("Two");
    CommitCheck.Result result = CommitCheck.check(repository.registry(), first.name() + "..HEAD");
    assertThat(result.commits()).isEqualTo(2);
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void aMissingOrForeignSignOffIsReported() throws Exception {
    RevCommit unsigned = repository.commit("Unsigned", ThrowAwayRepository.author(5));
    RevCommit foreign = repository.commit("Signed by someone else\n\nSigned-off-by: Bob Other"
        + " <bob@example.org>\n", ThrowAwayRepository.author(6));
    repository.commit("Fine");
    CommitCheck.Result result = CommitCheck.check(repository.registry(), first.name());
    assertThat(result.commits()).isEqualTo(3);
    assertThat(result.problems()).extracting(CommitCheck.Problem::format).containsExactly(
        unsigned.abbreviate(12).name() + " \"Unsigned\": no 'Signed-off-by: Ada Reviewer"
            + " <ada@example.org>' line from its author (add it with: git commit --amend"
            + " --signoff, or git rebase --signoff " + first.name() + ")",
        foreign.abbreviate(12).name() + " \"Signed by someone else\": no 'Signed-off-by: Ada"
            + " Reviewer <ada@example.org>' line from its author (add it with: git commit --amend"
            + " --signoff, or git rebase --signoff " + first.name() + ")");
  }

  @Test
  void everyCommitMustValidate() throws Exception {
    RevCommit broken = repository.edit(BreakRulesTest.FRONT, BreakRulesTest.SET_OWNER,
        "  - name: VHOST_USER_SET_OWNER\n    id: 1\n").commit("Duplicate id");
    repository.edit(BreakRulesTest.FRONT, "  - name: VHOST_USER_SET_OWNER\n    id: 1\n",
        BreakRulesTest.SET_OWNER).commit("Fix the id");
    CommitCheck.Result result = CommitCheck.check(repository.registry(), first.name() + "..HEAD");
    int line = repository.lineOf(BreakRulesTest.FRONT, BreakRulesTest.SET_OWNER);
    assertThat(result.problems()).extracting(CommitCheck.Problem::format).containsExactly(
        broken.abbreviate(12).name() + " \"Duplicate id\": spec/registry/front-end-messages.yaml"
            + ":" + line + ":5: error: front-end message id 1 of VHOST_USER_SET_OWNER is already"
            + " taken by VHOST_USER_GET_FEATURES (line "
            + repository.lineOf(BreakRulesTest.FRONT, "  - name: VHOST_USER_GET_FEATURES\n")
            + ") [duplicate-number]");
  }

  @Test
  void theProseMustValidateAtEveryCommitToo() throws Exception {
    java.nio.file.Path index = repository.root().resolve("spec/index.adoc");
    java.nio.file.Files.writeString(index, "= Spec\n\n[[start]]\n== Start\n\nSee <<start>>.\n");
    RevCommit fine = repository.commit("Prose that only cross-references itself");
    java.nio.file.Files.writeString(index, "= Spec\n\n== Start\n\nSee <<stat>>.\n");
    RevCommit broken = repository.commit("A broken cross-reference");

    CommitCheck.Result result = CommitCheck.check(repository.registry(), fine.name() + "..HEAD");

    // (The registry's cards are missing from this small prose too; only the reference matters.)
    assertThat(result.problems()).extracting(CommitCheck.Problem::message)
        .contains("spec/index.adoc:5:5: error: cross-reference to 'stat', which no anchor,"
            + " section or rule of the prose defines; did you mean '_start'? [prose-broken-xref]")
        .allMatch(m -> !m.contains("vhost-spec-commit-"));
    assertThat(result.problems()).extracting(CommitCheck.Problem::commit)
        .containsOnly(broken.abbreviate(12).name());
  }

  @Test
  void aRangeNeedsTwoEnds() {
    assertThatThrownBy(() -> CommitCheck.check(repository.registry(), "..HEAD"))
        .isInstanceOf(HistoryException.class)
        .hasMessage("'..HEAD' is not a range; write BASE..HEAD, for example origin/main..HEAD");
  }
}
