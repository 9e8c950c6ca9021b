package org.vhostuser.spec.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A git repository built by a test in a temporary folder: the test registry as its first commit,
 * then edits made by text replacement, committed with a fixed author and a clock that advances
 * one minute per commit.
 */
final class ThrowAwayRepository implements AutoCloseable {
  /** The registry the tests own (see tooling/testdata/README.md), never the living one. */
  static final Path TEST_REGISTRY = Path.of("../testdata/registry");
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final Git git;
  private final Path root;
  private int commits;

  private ThrowAwayRepository(Git git, Path root) {
    this.git = git;
    this.root = root;
  }

  /** A new repository holding the test registry, committed once. */
  static ThrowAwayRepository withTestRegistry(Path folder) throws IOException, GitAPIException {
    Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call();
    ThrowAwayRepository repository = new ThrowAwayRepository(git, folder);
    Path registry = repository.registry();
    Files.createDirectories(registry.resolve("schema"));
    try (var files = Files.list(TEST_REGISTRY)) {
      for (Path file : files.toList()) {
        if (Files.isRegularFile(file)) {
          Files.copy(file, registry.resolve(file.getFileName()));
        }
      }
    }
    repository.commit("Registry as it is today");
    return repository;
  }

  Path root() {
    return root;
  }

  Path registry() {
    return root.resolve("spec/registry");
  }

  Git git() {
    return git;
  }

  /** Replaces the one occurrence of {@code from} in a registry file by {@code to}. */
  ThrowAwayRepository edit(String file, String from, String to) throws IOException {
    Path path = registry().resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertThat(text).as("text to replace in %s", file).contains(from);
    assertThat(text.indexOf(from)).as("only once in %s", file).isEqualTo(text.lastIndexOf(from));
    Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    return this;
  }

  /**
   * The entry of a registry list that starts with {@code "  - name: NAME"}, up to the next entry
   * or top-level key, as the file has it now. Tests edit inside it, so they do not depend on the
   * wording of summaries and notes, which changes with the specification.
   */
  String entry(String file, String name) throws IOException {
    String text = Files.readString(registry().resolve(file), StandardCharsets.UTF_8);
    java.util.regex.Matcher start = java.util.regex.Pattern
        .compile("(?m)^  - name: " + java.util.regex.Pattern.quote(name) + "\\n").matcher(text);
    assertThat(start.find()).as("entry %s in %s", name, file).isTrue();
    java.util.regex.Matcher end = java.util.regex.Pattern.compile("(?m)^(  - |\\S)")
        .matcher(text);
    int stop = end.find(start.end()) ? end.start() : text.length();
    return text.substring(start.start(), stop);
  }

  /** Replaces the one match of {@code regex} inside the entry {@code name} of {@code file}. */
  ThrowAwayRepository editEntry(String file, String name, String regex, String replacement)
      throws IOException {
    String entry = entry(file, name);
    java.util.regex.Matcher match = java.util.regex.Pattern.compile("(?m)" + regex).matcher(entry);
    assertThat(match.find()).as("%s in entry %s", regex, name).isTrue();
    assertThat(match.find()).as("only one %s in entry %s", regex, name).isFalse();
    return edit(file, entry, match.replaceFirst(replacement));
  }

  /** The 1-based line on which {@code text} starts in a registry file. */
  int lineOf(String file, String text) throws IOException {
    String content = Files.readString(registry().resolve(file), StandardCharsets.UTF_8);
    int at = content.indexOf(text);
    assertThat(at).as("%s in %s", text, file).isNotNegative();
    return (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  /** Writes a registry file whole. */
  ThrowAwayRepository write(String file, String text) throws IOException {
    Files.writeString(registry().resolve(file), text, StandardCharsets.UTF_8);
    return this;
  }

  /** The author every commit has, at the given minute after {@link #START}. */
  static PersonIdent author(int minute) {
    return new PersonIdent("Ada Reviewer", "ada@example.org",
        START.plusSeconds(60L * minute), ZoneOffset.UTC);
  }

  /** Commits every change with a Signed-off-by line from the author. */
  RevCommit commit(String message) throws GitAPIException {
    return commit(message + "\n\nSigned-off-by: Ada Reviewer <ada@example.org>\n", author(commits));
  }

  /** Commits every change with exactly this message and author. */
  RevCommit commit(String message, PersonIdent who) throws GitAPIException {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    commits++;
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false)
        .setAllowEmpty(true).call();
  }

  /** Tags the current commit as a release is tagged: an annotated tag, with a fixed tagger. */
  void tag(String name) throws GitAPIException {
    git.tag().setName(name).setAnnotated(true).setMessage("Release " + name)
        .setTagger(author(commits)).setSigned(false).call();
  }

  /** Tags the current commit with a lightweight tag, which is never a release. */
  void lightweightTag(String name) throws GitAPIException {
    git.tag().setName(name).setAnnotated(false).call();
  }

  @Override
  public void close() {
    git.close();
  }
}
