package org.vhostuser.spec.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per breaking-change rule, on throw-away repositories holding the test registry. */
class BreakRulesTest extends RepositoryTest {
  static final String FRONT = "front-end-messages.yaml";
  static final String SET_OWNER = "  - name: VHOST_USER_SET_OWNER\n    id: 3\n";
  static final String OWNER = "VHOST_USER_SET_OWNER";


  private Review review() throws Exception {
    return Review.of(repository.registry(), first.name(), null);
  }

  /** "rule entry" for every rule finding, approved or not. */
  private List<String> findings(Review review) {
    return review.verdict().findings().stream()
        .map(f -> f.found().rule().id() + " " + f.found().subject().name()).toList();
  }

  @Test
  void unchangedRegistryHasNoChangeAndPasses() throws Exception {
    Review review = review();
    assertThat(review.changes()).isEmpty();
    assertThat(findings(review)).isEmpty();
    assertThat(review.validation()).isEmpty();
    assertThat(review.fails()).isFalse();
  }

  @Test
  void numberChanged() throws Exception {
    repository.edit(FRONT, SET_OWNER, "  - name: VHOST_USER_SET_OWNER\n    id: 99\n");
    Review review = review();
    assertThat(findings(review)).containsExactly("number-changed VHOST_USER_SET_OWNER");
    assertThat(review.changes()).extracting(c -> c.kind() + " " + c.description())
        .containsExactly("RENUMBERED id: 3 -> 99");
    assertThat(review.fails()).isTrue();
    Break found = review.verdict().findings().get(0).found();
    assertThat(found.at().file()).isEqualTo(Path.of("spec/registry/front-end-messages.yaml"));
    assertThat(found.at().line()).isEqualTo(repository.lineOf(FRONT, "  - name: VHOST_USER_SET_OWNER\n"));
  }

  @Test
  void numberReusedAcrossTheWholeHistory() throws Exception {
    String added = "  - name: VHOST_USER_TEST_ONE\n    id: 46\n"
        + "    summary: \"A test message.\"\n    replies: never\n    status: proposed\n\n";
    repository.edit(FRONT, SET_OWNER, added + SET_OWNER).commit("Propose TEST_ONE");
    RevCommit withdrawn = repository.edit(FRONT, added, "").commit("Withdraw TEST_ONE");
    repository.edit(FRONT, SET_OWNER, added.replace("TEST_ONE", "TEST_TWO") + SET_OWNER);
    Review review = Review.of(repository.registry(), withdrawn.name(), null);
    assertThat(findings(review)).containsExactly("number-reused VHOST_USER_TEST_TWO");
    assertThat(review.verdict().findings().get(0).found().message())
        .startsWith("id 46 was VHOST_USER_TEST_ONE in commit ");
  }

  @Test
  void removedWhileStable() throws Exception {
    repository.edit(FRONT, repository.entry(FRONT, OWNER), "");
    assertThat(findings(review())).containsExactly("removed-not-deprecated VHOST_USER_SET_OWNER",
        "number-not-retired VHOST_USER_SET_OWNER");
  }

  @Test
  void removedDeprecatedEntryMustRetireItsNumber() throws Exception {
    String reset = "  - name: VHOST_USER_RESET_OWNER\n    id: 4\n";
    String text = java.nio.file.Files.readString(repository.registry().resolve(FRONT));
    int start = text.indexOf(reset);
    int end = text.indexOf("  - name: ", start + 10);
    repository.write(FRONT, text.substring(0, start) + text.substring(end));
    assertThat(findings(review())).containsExactly("number-not-retired VHOST_USER_RESET_OWNER");

    repository.edit(FRONT, "retired: []", "retired:\n  - {id: 4, name: VHOST_USER_RESET_OWNER,"
        + " reason: \"obsolete\"}");
    assertThat(findings(review())).isEmpty();
  }

  @Test
  void valueRemoved() throws Exception {
    repository.editEntry("enums.yaml", "iotlb_type",
        "^      - \\{name: VHOST_IOTLB_ACCESS_FAIL,.*\\n", "");
    assertThat(findings(review())).containsExactly("value-removed iotlb_type.VHOST_IOTLB_ACCESS_FAIL");
  }

  @Test
  void statusRegressed() throws Exception {
    repository.editEntry(FRONT, OWNER, "^    status: stable$", "    status: proposed");
    assertThat(findings(review())).containsExactly("status-regressed VHOST_USER_SET_OWNER");
  }

  @Test
  void fieldChanged() throws Exception {
    repository.editEntry("payloads.yaml", "vring_state", "\\{name: num, type: u32",
        "{name: num, type: u64");
    assertThat(findings(review())).containsExactly("field-changed vring_state.num");
  }

  @Test
  void fieldRemovedMakesThePayloadShorter() throws Exception {
    repository.editEntry("payloads.yaml", "vring_state", "^      - \\{name: num, .*\\n", "");
    assertThat(findings(review())).containsExactly("field-removed vring_state.num",
        "payload-shorter vring_state");
  }

  @Test
  void fieldsReorderedMove() throws Exception {
    repository.editEntry("payloads.yaml", "vring_state",
        "^(      - \\{name: index, .*\\n)(      - \\{name: num, .*\\n)", "$2$1");
    assertThat(findings(review())).containsExactly("field-moved vring_state.index",
        "field-moved vring_state.num");
  }

  @Test
  void payloadReplaced() throws Exception {
    repository.editEntry(FRONT, "VHOST_USER_SET_VRING_KICK", "^    request: vring_fd$",
        "    request: vring_state");
    assertThat(findings(review())).containsExactly("payload-replaced VHOST_USER_SET_VRING_KICK");
  }

  @Test
  void replyChanged() throws Exception {
    repository.editEntry(FRONT, OWNER, "^    replies: reply-ack$", "    replies: never");
    assertThat(findings(review())).containsExactly("reply-changed VHOST_USER_SET_OWNER");
  }

  @Test
  void fdsChanged() throws Exception {
    repository.editEntry(FRONT, "VHOST_USER_SET_VRING_KICK",
        "^(    request_fds: \\{min: 0, )max: 1,", "$1max: 2,");
    assertThat(findings(review())).containsExactly("fds-changed VHOST_USER_SET_VRING_KICK");
  }

  @Test
  void requirementAdded() throws Exception {
    repository.editEntry(FRONT, OWNER, "^      protocol: \\[\\]$",
        "      protocol: [VHOST_USER_PROTOCOL_F_MQ]");
    assertThat(findings(review())).containsExactly("requirement-added VHOST_USER_SET_OWNER");
  }

  @Test
  void limitLowered() throws Exception {
    repository.edit("header.yaml", "  - name: VHOST_USER_MAX_FDS\n    value: 8\n",
        "  - name: VHOST_USER_MAX_FDS\n    value: 4\n");
    assertThat(findings(review())).containsExactly("limit-lowered VHOST_USER_MAX_FDS");
  }

  @Test
  void renameWithoutPreviousNameWarns() throws Exception {
    repository.edit(FRONT, SET_OWNER, "  - name: VHOST_USER_TAKE_OWNERSHIP\n    id: 3\n");
    Review review = review();
    assertThat(findings(review)).containsExactly(
        "renamed-without-previous-name VHOST_USER_SET_OWNER",
        "number-reused VHOST_USER_TAKE_OWNERSHIP");
    assertThat(review.changes()).extracting(c -> c.kind() + " " + c.subject().name())
        .containsExactly("RENAMED VHOST_USER_SET_OWNER");
  }

  @Test
  void renameThatKeepsThePreviousNameIsNoBreak() throws Exception {
    repository.editEntry(FRONT, OWNER, "^  - name: VHOST_USER_SET_OWNER$",
        "  - name: VHOST_USER_TAKE_OWNERSHIP");
    repository.editEntry(FRONT, "VHOST_USER_TAKE_OWNERSHIP", "^    previous_names: \\[\\]$",
        "    previous_names: [VHOST_USER_SET_OWNER]");
    Review review = review();
    assertThat(findings(review)).isEmpty();
    assertThat(review.changes()).extracting(c -> c.kind() + " " + c.description())
        .containsExactly("RENAMED renamed to VHOST_USER_TAKE_OWNERSHIP");
    assertThat(review.fails()).isFalse();
  }

  @Test
  void proposedEntriesMayChangeExceptTheirNumbers() throws Exception {
    String skip = "  - name: VHOST_USER_GET_VRING_BASE_SKIP_DRAIN\n    id: 45\n";
    String text = java.nio.file.Files.readString(repository.registry().resolve(FRONT));
    int start = text.indexOf(skip);
    String block = text.substring(start, text.indexOf("status: proposed", start));
    assertThat(block).contains("replies: always");
    repository.edit(FRONT, block, block.replace("replies: always", "replies: never"));
    assertThat(findings(review())).isEmpty();
    repository.edit(FRONT, skip, "  - name: VHOST_USER_GET_VRING_BASE_SKIP_DRAIN\n    id: 47\n");
    assertThat(findings(review())).containsExactly(
        "number-changed VHOST_USER_GET_VRING_BASE_SKIP_DRAIN");
  }

  @Test
  void revisionsCompareWithoutCheckout() throws Exception {
    RevCommit changed = repository.edit(FRONT, SET_OWNER,
        "  - name: VHOST_USER_SET_OWNER\n    id: 99\n").commit("Renumber");
    repository.edit(FRONT, "    id: 99\n", "    id: 3\n"); // the working tree is not read
    Review review = Review.of(repository.registry(), first.name(), changed.name());
    assertThat(review.head()).isEqualTo(changed.name());
    assertThat(findings(review)).containsExactly("number-changed VHOST_USER_SET_OWNER");
  }

  @Test
  void unknownRevisionIsOneClearLine() {
    assertThatThrownBy(() -> Review.of(repository.registry(), "no-such-branch", null))
        .isInstanceOf(HistoryException.class)
        .hasMessage("unknown revision 'no-such-branch' (a commit, branch or tag of this"
            + " repository)");
  }

  @Test
  void shallowCloneIsReportedWithTheCommandThatDeepensIt() throws Exception {
    repository.edit(FRONT, SET_OWNER, "  - name: VHOST_USER_SET_OWNER\n    id: 99\n")
        .commit("Second");
    Path clone = folder.resolveSibling(folder.getFileName() + "-shallow");
    try (Git shallow = Git.cloneRepository().setURI(folder.toUri().toString())
        .setDirectory(clone.toFile()).setDepth(1).call()) {
      assertThat(shallow.getRepository().getObjectDatabase().getShallowCommits()).isNotEmpty();
    }
    assertThatThrownBy(() -> Review.of(clone.resolve("spec/registry"), "HEAD~1", null))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("shallow clone")
        .hasMessageContaining("git fetch --unshallow");
    assertThatThrownBy(() -> Review.of(clone.resolve("spec/registry"), "HEAD", null))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("git fetch --unshallow");
    assertThatThrownBy(() -> Changelog.of(clone.resolve("spec/registry"), null))
        .isInstanceOf(HistoryException.class)
        .hasMessageStartingWith("this is a shallow clone, so the release tags and their history"
            + " cannot be read; deepen it with: git fetch --unshallow");
    assertThat(Changelog.sinceOf(clone.resolve("spec/registry"))).isEmpty();
    assertThat(Changelog.sinceOf(repository.registry())).contains(java.util.Map.of());
  }

  @Test
  void outsideAGitRepositoryIsOneClearLine(@TempDir Path elsewhere) throws IOException {
    java.nio.file.Files.createDirectories(elsewhere.resolve("spec/registry"));
    assertThatThrownBy(() -> Review.of(elsewhere.resolve("spec/registry"), "HEAD", null))
        .isInstanceOf(HistoryException.class)
        .hasMessageEndingWith("is not inside a git repository; run this in a clone of the"
            + " specification");
  }


  @Test
  void aHeadThatCannotBeReadIsRefusedForItsErrorsWithoutAComparison() throws Exception {
    repository.editEntry(FRONT, OWNER, "^    replies: reply-ack\\n", "");
    Review review = review();
    assertThat(review.validation()).extracting(d -> d.code().id()).contains("missing-key");
    assertThat(review.changes()).isEmpty();
    assertThat(review.fails()).isTrue();
  }

  @Test
  void aBaseThatCannotBeReadIsOneClearLine() throws Exception {
    RevCommit broken = repository.edit(FRONT, SET_OWNER, "  - name: [\n").commit("Broken");
    assertThatThrownBy(() -> Review.of(repository.registry(), broken.name(), null))
        .isInstanceOf(HistoryException.class)
        .hasMessageStartingWith("the registry at " + broken.name() + " cannot be read"
            + " (spec/registry/front-end-messages.yaml:")
        .hasMessageEndingWith("; compare with a valid revision");
  }

  @Test
  void notesAreChangesReviewersSee() throws Exception {
    if (repository.entry(FRONT, OWNER).contains("    notes: []\n")) {
      repository.editEntry(FRONT, OWNER, "^    notes: \\[\\]$", "    notes:\n      - \"A new position.\"");
    } else {
      repository.editEntry(FRONT, OWNER, "^    notes:$", "    notes:\n      - \"A new position.\"");
    }
    Review review = review();
    assertThat(review.changes()).extracting(c -> c.subject().name() + " " + c.description())
        .containsExactly("VHOST_USER_SET_OWNER notes: 1 added");
    assertThat(findings(review)).isEmpty();
  }
}
