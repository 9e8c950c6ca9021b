package org.vhostuser.spec.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four forms of a review: text, the merge-request note, JSON and GitLab code quality. */
class ReviewFormatTest {
  @TempDir Path folder;
  ThrowAwayRepository repository;
  Review review;
  /** The line of the renumbered message's name. */
  int line;

  @BeforeEach
  void reviewARenumberingAndANewField() throws Exception {
    repository = ThrowAwayRepository.withTestRegistry(folder);
    RevCommit first = repository.git().log().call().iterator().next();
    repository.edit(BreakRulesTest.FRONT, BreakRulesTest.SET_OWNER,
        "  - name: VHOST_USER_SET_OWNER\n    id: 99\n");
    repository.editEntry("payloads.yaml", "vring_state", "^    size: 8\\n", "");
    repository.editEntry("payloads.yaml", "vring_state", "^(      - \\{name: num, .*\\n)",
        "$1      - {name: extra, type: u32, summary: \"a | pipe\"}\n");
    review = Review.of(repository.registry(), first.name(), null);
    line = repository.lineOf(BreakRulesTest.FRONT, "  - name: VHOST_USER_SET_OWNER\n");
  }

  @AfterEach
  void closeRepository() {
    repository.close();
  }

  @Test
  void text() {
    String text = ReviewFormat.TEXT.write(review);
    assertThat(text).contains("  renumbered front-end message VHOST_USER_SET_OWNER: id: 3 -> 99\n")
        .contains("  added      payload field vring_state.extra: field added at offset 8 (u32)\n")
        .contains("spec/registry/front-end-messages.yaml:" + line + ":5: error: front-end message"
            + " VHOST_USER_SET_OWNER: its id changed from 3 to 99 [number-changed]\n")
        .contains("generated vhost_user_protocol.h: +")
        .endsWith("verdict: refused: 1 unapproved breaking change\n");
  }

  @Test
  void markdownJoinsEveryViewInOneNote() {
    String note = ReviewFormat.MARKDOWN.write(review);
    assertThat(note)
        .startsWith("## vhost-user specification review: `" + review.base().substring(0, 7))
        .contains("**:x: Refused: 1 unapproved breaking change.**")
        .contains("### Validation\n\nNo problems.")
        .contains("| :x: | `number-changed` | front-end message `VHOST_USER_SET_OWNER` | its id"
            + " changed from 3 to 99 | `spec/registry/front-end-messages.yaml:" + line + "` | not approved |")
        .contains("| renumbered | front-end message `VHOST_USER_SET_OWNER` | id: 3 -> 99 |")
        .contains("| added | payload field `vring_state.extra` | field added at offset 8 (u32) |")
        .contains("<details><summary><code>vhost_user_protocol.h</code>")
        .contains("```diff\n--- a/vhost_user_protocol.h\n+++ b/vhost_user_protocol.h\n")
        .contains("+    VHOST_USER_SET_OWNER = 99,");
  }

  @Test
  void json() {
    String json = ReviewFormat.JSON.write(review);
    assertThat(json).startsWith("{\n  \"format_version\": 1,")
        .contains("\"passes\": false")
        .contains("\"rule\": \"number-changed\"")
        .contains("\"approved\": false")
        .contains("\"file\": \"vhost_user_protocol.rs\"");
  }

  @Test
  void codeQualityPutsUnapprovedBreaksAsBlockers() {
    String report = ReviewFormat.CODEQUALITY.write(review);
    assertThat(report).startsWith("[")
        .contains("\"check_name\": \"breaking/number-changed\"")
        .contains("\"severity\": \"blocker\"")
        .contains("\"path\": \"spec/registry/front-end-messages.yaml\"")
        .contains("\"begin\": " + line)
        .containsPattern("\"fingerprint\": \"[0-9a-f]{64}\"");
  }
}
