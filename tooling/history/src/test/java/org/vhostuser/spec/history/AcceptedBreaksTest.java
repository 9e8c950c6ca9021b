package org.vhostuser.spec.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/** Approving an intentional break in accepted-breaks.yaml, and what an approval does not do. */
class AcceptedBreaksTest extends RepositoryTest {
  static final String RENUMBER_FROM = BreakRulesTest.SET_OWNER;
  static final String RENUMBER_TO = "  - name: VHOST_USER_SET_OWNER\n    id: 99\n";
  static final String APPROVAL = "accepted:\n  - rule: number-changed\n"
      + "    entry: VHOST_USER_SET_OWNER\n    reason: \"test: every implementation agreed\"\n";


  @Test
  void anApprovalAddedByTheChangeCoversItsBreak() throws Exception {
    repository.edit(BreakRulesTest.FRONT, RENUMBER_FROM, RENUMBER_TO)
        .write("accepted-breaks.yaml", APPROVAL);
    Review review = Review.of(repository.registry(), first.name(), null);
    assertThat(review.verdict().findings()).hasSize(1);
    assertThat(review.verdict().findings().get(0).approval().reason())
        .isEqualTo("test: every implementation agreed");
    assertThat(review.verdict().blocking()).isEmpty();
    assertThat(review.validation()).isEmpty();
    assertThat(review.fails()).isFalse();
    assertThat(TextReport.verdictLine(review))
        .isEqualTo("verdict: no unapproved breaking change (1 approved break)");
  }

  @Test
  void anOldApprovalDoesNotCoverANewBreak() throws Exception {
    RevCommit approved = repository.write("accepted-breaks.yaml", APPROVAL)
        .commit("Approve an earlier renumbering");
    repository.edit(BreakRulesTest.FRONT, RENUMBER_FROM, RENUMBER_TO);
    Review review = Review.of(repository.registry(), approved.name(), null);
    assertThat(review.verdict().blocking()).hasSize(1);
    assertThat(review.fails()).isTrue();
  }

  @Test
  void anApprovalOfAnotherEntryDoesNotCoverTheBreak() throws Exception {
    repository.edit(BreakRulesTest.FRONT, RENUMBER_FROM, RENUMBER_TO)
        .write("accepted-breaks.yaml", APPROVAL.replace("VHOST_USER_SET_OWNER",
            "VHOST_USER_GET_FEATURES"));
    Review review = Review.of(repository.registry(), first.name(), null);
    assertThat(review.verdict().blocking()).hasSize(1);
    assertThat(review.validation()).extracting(d -> d.format()).containsExactly(
        "spec/registry/accepted-breaks.yaml:2:5: warning: this approval of number-changed for"
            + " VHOST_USER_GET_FEATURES matches no breaking change of this diff [bad-value]");
  }

  @Test
  void anUnknownRuleIsAValidationError() throws Exception {
    repository.write("accepted-breaks.yaml", APPROVAL.replace("number-changed", "number-change"));
    Review review = Review.of(repository.registry(), first.name(), null);
    assertThat(review.validation()).extracting(d -> d.format()).containsExactly(
        "spec/registry/accepted-breaks.yaml:2:5: error: no breaking-change rule 'number-change';"
            + " did you mean 'number-changed'? [bad-value]");
    assertThat(review.fails()).isTrue();
  }

  @Test
  void anApprovalWithoutAReasonIsRefused() throws Exception {
    repository.write("accepted-breaks.yaml", "accepted:\n  - rule: number-changed\n"
        + "    entry: VHOST_USER_SET_OWNER\n    approved: yes\n");
    Review review = Review.of(repository.registry(), first.name(), null);
    assertThat(review.validation()).extracting(d -> d.code().id() + " " + d.line())
        .containsExactly("missing-key 2", "unknown-key 4");
  }
}
