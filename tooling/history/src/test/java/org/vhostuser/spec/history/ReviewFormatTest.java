package org.vhostuser.spec.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
        .startsWith("<!-- vhost-spec-review -->\n## vhost-user specification review: `"
            + review.base().substring(0, 7))
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
  void markdownShowsEveryChangedEntryInFullAndWhoMustApprove() {
    String note = ReviewFormat.MARKDOWN.write(review.withContext(new Review.Context(
        "https://preview.example.org/site/", List.of("Ada Maintainer <ada@example.org> (maintainer:"
            + " spec)"), List.of("dev@lists.example.org (list: spec)"), null, null)));
    assertThat(note)
        .contains("**Rendered specification of this merge request:**"
            + " https://preview.example.org/site/index.html")
        .contains("### Who must approve\n\n**A wire change:** acknowledgements")
        .contains("- Ada Maintainer &lt;ada@example.org> (maintainer: spec)\n")
        .contains("- dev@lists.example.org (list: spec)\n")
        .contains("#### front-end message `VHOST_USER_SET_OWNER`, id 99 ([rendered]("
            + "https://preview.example.org/site/index.html#VHOST_USER_SET_OWNER))")
        .contains("| Replies | `reply-ack` |")
        .contains("#### payload `vring_state` ([rendered](https://preview.example.org/site/"
            + "index.html#payload-vring_state))")
        .contains("| 8 | 4 | `extra` | `u32` | a \\| pipe |\n\nSize: 12 bytes.")
        .contains("### Prose changes\n\nNone.");
  }

  @Test
  void emailIsAPlainTextMessageWithThePatch() {
    String mail = ReviewFormat.EMAIL.write(review.withContext(new Review.Context(null, List.of(),
        List.of(), "registry: renumber SET_OWNER", "https://gitlab.example.org/spec/-/merge_requests/4")));
    assertThat(mail)
        .startsWith("Subject: [PATCH vhost-user spec] registry: renumber SET_OWNER\n")
        .contains("Content-Type: text/plain; charset=UTF-8\n")
        .contains("Merge request: https://gitlab.example.org/spec/-/merge_requests/4\n")
        .contains("Breaking changes\n================\n\n  [number-changed] front-end message"
            + " VHOST_USER_SET_OWNER: its id changed from 3 to 99 (NOT approved)\n")
        .contains("front-end message VHOST_USER_SET_OWNER, id 99\n")
        .contains("  Replies: reply-ack\n")
        .contains("  Acked-by: Jane Doe <jane@example.org> (DPDK)\n")
        .contains("\n---\n--- a/spec/registry/front-end-messages.yaml\n"
            + "+++ b/spec/registry/front-end-messages.yaml\n")
        .contains("-    id: 3\n+    id: 99\n")
        .doesNotContain("`", "|---", "&lt;");
  }

  @Test
  void markdownShowsTheProseBySection() throws Exception {
    java.nio.file.Path chapter = repository.root().resolve("spec/01-intro.adoc");
    java.nio.file.Files.writeString(chapter, "= Intro\n\n== Scope\n\nOld words.\n\n"
        + "== Kept\n\nSame.\n");
    RevCommit withProse = repository.commit("Prose");
    java.nio.file.Files.writeString(chapter, "= Intro\n\n== Scope\n\nNew words.\n\n"
        + "== Kept\n\nSame.\n\n== Added\n\nMore.\n");
    String note = ReviewFormat.MARKDOWN.write(
        Review.of(repository.registry(), withProse.name(), null));
    assertThat(note).contains("#### `01-intro.adoc`: Scope (changed, +1 −1)\n\n```diff\n")
        .contains("-Old words.\n+New words.\n")
        .contains("#### `01-intro.adoc`: Added (added, +4 −0)")
        .doesNotContain(": Kept (")
        .contains("**A clarification or editorial change:**");
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
