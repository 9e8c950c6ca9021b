package org.vhostuser.spec.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releases read from tags: the changes of each, and the release every entry appeared in. */
class ChangelogTest {
  static final String ADDED = "  - name: VHOST_USER_TEST_ONE\n    id: 46\n"
      + "    summary: \"A test message.\"\n    replies: never\n    status: proposed\n\n";

  @TempDir Path folder;
  ThrowAwayRepository repository;

  @BeforeEach
  void threeReleases() throws Exception {
    repository = ThrowAwayRepository.withTestRegistry(folder);
    repository.tag("v1.0");
    repository.commit("Untagged work");
    repository.edit(BreakRulesTest.FRONT, BreakRulesTest.SET_OWNER, ADDED + BreakRulesTest.SET_OWNER)
        .commit("Propose TEST_ONE");
    repository.tag("v1.1");
    repository.edit(BreakRulesTest.FRONT, ADDED, ADDED
        .replace("name: VHOST_USER_TEST_ONE", "name: VHOST_USER_TEST_RENAMED")
        .replace("status: proposed", "status: proposed\n    previous_names: [VHOST_USER_TEST_ONE]"))
        .commit("Rename TEST_ONE");
    repository.tag("v1.2");
    repository.commit("No protocol change");
    repository.tag("v1.3");
  }

  @AfterEach
  void closeRepository() {
    repository.close();
  }

  @Test
  void everyReleaseListsItsChangesNewestFirst() throws Exception {
    Changelog changelog = Changelog.of(repository.registry(), null);
    assertThat(changelog.releases()).extracting(Changelog.Entry::tag)
        .containsExactly("v1.0", "v1.1", "v1.2", "v1.3");
    String markdown = changelog.markdown();
    assertThat(markdown).startsWith("# Changelog of the vhost-user protocol registry\n\n"
        + "## v1.3 (2026-01-01)\n\nNo change to the protocol since v1.2.\n\n## v1.2 (2026-01-01)\n\n"
        + "### Renamed\n\n- front-end message `VHOST_USER_TEST_ONE`: renamed to"
        + " VHOST_USER_TEST_RENAMED\n\n## v1.1 (2026-01-01)\n\n### Added\n\n"
        + "- front-end message `VHOST_USER_TEST_ONE`: added (id 46)\n\n");
    assertThat(markdown).endsWith("## v1.0 (2026-01-01)\n\nFirst release: 55 messages and 34"
        + " features.\n\n");
  }

  @Test
  void sinceIsTheFirstReleaseThatHasTheEntryUnderAnyOfItsNames() throws Exception {
    Changelog changelog = Changelog.of(repository.registry(), null);
    assertThat(changelog.since())
        .containsEntry("front-end message VHOST_USER_GET_FEATURES", "v1.0")
        .containsEntry("protocol feature VHOST_USER_PROTOCOL_F_MQ", "v1.0")
        .containsEntry("front-end message VHOST_USER_TEST_ONE", "v1.1")
        .containsEntry("front-end message VHOST_USER_TEST_RENAMED", "v1.1");
  }

  @Test
  void sinceTagShowsOnlyLaterReleases() throws Exception {
    Changelog changelog = Changelog.of(repository.registry(), "v1.1");
    assertThat(changelog.releases()).extracting(Changelog.Entry::tag)
        .containsExactly("v1.2", "v1.3");
    assertThat(changelog.since()).containsEntry("front-end message VHOST_USER_TEST_ONE", "v1.1");
  }

  @Test
  void anUnknownSinceTagNamesTheTags() {
    assertThatThrownBy(() -> Changelog.of(repository.registry(), "v0.9"))
        .isInstanceOf(HistoryException.class)
        .hasMessage("no release tag 'v0.9'; tags: v1.0, v1.1, v1.2, v1.3");
  }

  @Test
  void releasesFollowHistoryWhenCommitDatesTie(@TempDir Path other) throws Exception {
    try (ThrowAwayRepository tied = ThrowAwayRepository.withTestRegistry(other)) {
      tied.tag("v2.0");
      tied.commit("Same minute\n\nSigned-off-by: Ada Reviewer <ada@example.org>",
          ThrowAwayRepository.author(0));
      tied.tag("v1.0");
      assertThat(Changelog.of(tied.registry(), null).releases()).extracting(Changelog.Entry::tag)
          .containsExactly("v2.0", "v1.0");
    }
  }

  @Test
  void onlyAnnotatedTagsNamedLikeAReleaseAreReleases() throws Exception {
    repository.lightweightTag("v1.4");
    repository.tag("junk-tag");
    repository.tag("v1.5-rc1");
    assertThat(Changelog.of(repository.registry(), null).releases())
        .extracting(Changelog.Entry::tag).containsExactly("v1.0", "v1.1", "v1.2", "v1.3");
  }

  @Test
  void aReservedEntryIsSinceTheFirstReleaseThatHasItInUse(@TempDir Path other) throws Exception {
    String reserved = "  - name: VHOST_USER_TEST_HELD\n    id: 1000\n    status: reserved\n"
        + "    proposal: \"https://example.org/mr/1\"\n    owner: \"Ada <ada@example.org>\"\n";
    try (ThrowAwayRepository held = ThrowAwayRepository.withTestRegistry(other)) {
      held.edit(BreakRulesTest.FRONT, BreakRulesTest.SET_OWNER, reserved + BreakRulesTest.SET_OWNER)
          .commit("Reserve TEST_HELD");
      held.tag("v1.0");
      held.edit(BreakRulesTest.FRONT, reserved, reserved.replace("status: reserved",
          "status: proposed\n    summary: \"Held.\"\n    replies: never")).commit("Propose it");
      held.tag("v1.1");
      assertThat(Changelog.of(held.registry(), null).sinceByName())
          .containsEntry("VHOST_USER_TEST_HELD", "v1.1")
          .containsEntry("VHOST_USER_SET_OWNER", "v1.0");
    }
  }

  @Test
  void unreleasedShowsWhatTheNextTagWouldHold() throws Exception {
    assertThat(Changelog.of(repository.registry(), "v1.3").markdown("v1.3")).endsWith(
        "No release after v1.3; `vhost-spec changelog --unreleased` shows what the next one"
            + " would hold.\n");
    repository.edit(BreakRulesTest.FRONT, BreakRulesTest.SET_OWNER,
        ADDED.replace("TEST_ONE", "TEST_NEXT").replace("id: 46", "id: 47") + BreakRulesTest.SET_OWNER)
        .commit("Add TEST_NEXT");
    String markdown = Changelog.unreleasedMarkdown(Changelog.unreleased(repository.registry()));
    assertThat(markdown).contains("## Unreleased (", "Since v1.3:\n", "### Added\n",
        "`VHOST_USER_TEST_NEXT`");
  }
}
