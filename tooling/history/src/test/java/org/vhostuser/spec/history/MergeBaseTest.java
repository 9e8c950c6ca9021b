package org.vhostuser.spec.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change is what it adds to the commit it started from, even when the target branch has moved
 * on since: the target's newer work never shows up reversed, as if the change had undone it.
 */
class MergeBaseTest extends RepositoryTest {
  static final String ON_MAIN = "  - name: VHOST_USER_TEST_ON_MAIN\n    id: 47\n"
      + "    summary: \"Added on main.\"\n    replies: never\n    status: proposed\n";
  static final String ON_BRANCH = "  - name: VHOST_USER_TEST_ON_BRANCH\n    id: 48\n"
      + "    summary: \"Added on the branch.\"\n    replies: never\n    status: proposed\n";

  @BeforeEach
  void aBranchBehindMain() throws Exception {
    repository.git().branchCreate().setName("feature").call();
    repository.edit(BreakRulesTest.FRONT, BreakRulesTest.SET_OWNER,
        ON_MAIN + BreakRulesTest.SET_OWNER).commit("Add a message on main");
    repository.git().checkout().setName("feature").call();
  }

  @Test
  void mainsNewerWorkIsNotShownAsRemoved() throws Exception {
    repository.edit(BreakRulesTest.FRONT, BreakRulesTest.SET_OWNER,
        ON_BRANCH + BreakRulesTest.SET_OWNER).commit("Add a message on the branch");

    Review review = Review.of(repository.registry(), "main", null);

    assertThat(review.changes()).extracting(c -> c.kind() + " " + c.subject().name())
        .containsExactly("ADDED VHOST_USER_TEST_ON_BRANCH");
    assertThat(review.fails()).isFalse();
    assertThat(review.base()).isEqualTo("main (merge base " + first.abbreviate(12).name() + ")");
  }

  @Test
  void aNumberMainGaveAwayMeanwhileIsStillCaught() throws Exception {
    repository.edit(BreakRulesTest.FRONT, BreakRulesTest.SET_OWNER,
        ON_BRANCH.replace("id: 48", "id: 47") + BreakRulesTest.SET_OWNER)
        .commit("Take the number main took");

    Review review = Review.of(repository.registry(), "main", null);

    assertThat(review.verdict().findings()).extracting(f -> f.found().rule().id())
        .containsExactly("number-reused");
  }

  @Test
  void theFilesOfTheChangeAreOnlyItsOwn() throws Exception {
    java.nio.file.Files.writeString(repository.root().resolve("NOTES.md"), "docs only\n");
    repository.commit("Docs only");

    assertThat(ChangedPaths.since(repository.root(), "main")).containsExactly("NOTES.md");
  }

  @Test
  void unrelatedHistoriesAreOneLine() throws Exception {
    repository.git().checkout().setOrphan(true).setName("elsewhere").call();
    repository.commit("A root of its own");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Review.of(repository.registry(), "main", "elsewhere"))
        .isInstanceOf(HistoryException.class).hasMessageContaining("share no history");
  }
}
