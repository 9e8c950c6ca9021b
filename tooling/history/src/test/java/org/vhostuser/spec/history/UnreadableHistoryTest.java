package org.vhostuser.spec.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.vhostuser.spec.registry.Diagnostic;

/**
 * No single commit can poison the history: a version of a table that cannot be read is one
 * warning naming the commit, and the number-reused rule goes on with the others; a missing git
 * object is a one-line problem that names the damage, never a stack trace.
 */
class UnreadableHistoryTest extends RepositoryTest {
  static final String FRONT = "front-end-messages.yaml";
  static final String SET_OWNER = "  - name: VHOST_USER_SET_OWNER\n    id: 3\n";

  @Test
  void aRevertedCommitThatCannotBeReadIsOneWarningAndTheRulesGoOn() throws Exception {
    String good = Files.readString(repository.registry().resolve(FRONT));
    String added = "  - name: VHOST_USER_TEST_ONE\n    id: 46\n"
        + "    summary: \"A test message.\"\n    replies: never\n    status: proposed\n\n";
    repository.edit(FRONT, SET_OWNER, added + SET_OWNER).commit("Propose TEST_ONE");
    RevCommit poisoned = repository.write(FRONT, "x: " + "[".repeat(3000) + "\n")
        .commit("Poison");
    repository.write(FRONT, "x: a\u0007b\n").commit("Poison with a control character");
    RevCommit withdrawn = repository.write(FRONT, good).commit("Withdraw TEST_ONE");
    repository.edit(FRONT, SET_OWNER, added.replace("TEST_ONE", "TEST_TWO") + SET_OWNER);

    Review review = Review.of(repository.registry(), withdrawn.name(), null);

    assertThat(review.verdict().findings()).extracting(f -> f.found().rule().id() + " "
        + f.found().subject().name()).containsExactly("number-reused VHOST_USER_TEST_TWO");
    assertThat(review.validation()).extracting(Diagnostic::format).contains(
        "spec/registry/front-end-messages.yaml:1:53: warning: this table cannot be read at"
            + " commit " + poisoned.abbreviate(12).name() + " (lists and mappings nested more"
            + " than 50 levels deep; registry tables need far fewer [too-deep]), so the"
            + " number-reused rule does not see the numbers of that version"
            + " [revision-unreadable]");
    assertThat(review.validation()).filteredOn(d -> d.code().id().equals("revision-unreadable"))
        .hasSize(2);
    assertThat(review.fails()).isTrue(); // for the reused number, not for the warnings
  }

  @Test
  void aMissingObjectIsNamedAsDamageOfTheRepository() throws Exception {
    ObjectId blob;
    try (TreeWalk walk = TreeWalk.forPath(repository.git().getRepository(),
        "spec/registry/" + FRONT, first.getTree())) {
      blob = walk.getObjectId(0);
    }
    deleteLooseObject(blob);
    assertThatThrownBy(() -> Review.of(repository.registry(), first.name(), null))
        .satisfies(e -> assertThat(GitRepository.damage(e)).hasValueSatisfying(line ->
            assertThat(line).startsWith("the git repository is damaged (").contains(blob.name())
                .endsWith("); check it with: git fsck, or clone it again")));
  }

  @Test
  void aBlobLargerThanAnyRegistryFileIsRefusedUnread() throws Exception {
    repository.write(FRONT, "# filler\n".repeat(500_000));
    RevCommit big = repository.commit("A huge table");
    try (GitRepository git = GitRepository.open(repository.registry())) {
      assertThatThrownBy(() -> git.filesIn(big, "spec/registry"))
          .isInstanceOf(HistoryException.class)
          .hasMessage("spec/registry/" + FRONT + " at commit " + big.abbreviate(12).name()
              + " is 4500000 bytes; registry files are limited to 4194304 bytes");
    }
  }

  private void deleteLooseObject(ObjectId id) throws IOException {
    String name = id.name();
    Path object = repository.root().resolve(".git/objects/" + name.substring(0, 2) + "/"
        + name.substring(2));
    Files.delete(object);
  }
}
