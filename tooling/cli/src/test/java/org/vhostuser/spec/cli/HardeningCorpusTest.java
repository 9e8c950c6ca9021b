package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vhostuser.spec.registry.RegistryFiles;

/**
 * Every input the hardening issue names, run through the real command line against a copy of
 * the repository, each with its exact outcome: the exit code, the one line or diagnostic, and
 * that nothing was deleted, read from outside or printed as a stack trace.
 */
class HardeningCorpusTest {
  static final PersonIdent WHO = new PersonIdent("Ada Reviewer", "ada@example.org",
      Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path temp;
  Path repository;
  Path registry;

  /** A git repository holding the real spec/ (registry and prose), site/ and documents. */
  @BeforeEach
  void copyOfTheRepository() throws Exception {
    repository = Files.createDirectories(temp.resolve("repository"));
    copyTree(Path.of("../../spec"), repository.resolve("spec"));
    copyTree(Path.of("../../site"), repository.resolve("site"));
    Files.createDirectories(repository.resolve("tooling"));
    Files.writeString(repository.resolve("tooling/BENCHMARKS.md"), "# Benchmarks\n");
    for (String document : List.of("README.md", "CONTRIBUTING.md", "MAINTAINERS")) {
      Files.copy(Path.of("../..", document), repository.resolve(document));
    }
    registry = repository.resolve("spec/registry");
    try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("Repository").setAuthor(WHO).setCommitter(WHO).setSign(false)
          .call();
    }
  }

  // Outputs are owned: nothing is deleted, whatever --out names.

  @ParameterizedTest
  @ValueSource(strings = {"spec", "tooling", "site", "spec/registry", ".git"})
  void anOutputInsideTheSourcesIsRefusedAndNothingIsDeleted(String folder) throws IOException {
    String before = fingerprint(repository);
    CommandRun run = CommandRun.of("site", "--registry", registry.toString(), "--out",
        repository.resolve(folder).toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("vhost-spec: refusing to write " + repository.resolve(folder)
        + " (--out): it is inside the repository's " + folder.split("/")[0] + "/ folder, which"
        + " holds sources; name a folder under build/\n");
    assertThat(fingerprint(repository)).isEqualTo(before);
  }

  @Test
  void theRepositoryAndTheFoldersAboveItAreRefused() throws IOException {
    String before = fingerprint(repository);
    for (Path out : List.of(repository, temp)) {
      for (String command : List.of("site", "generate", "build")) {
        CommandRun run = CommandRun.of(command, "--registry", registry.toString(), "--out",
            out.toString());
        assertThat(run.exitCode()).as(command + " " + out).isEqualTo(2);
        assertThat(run.err()).as(command).startsWith("vhost-spec: refusing to write ")
            .contains("it is the repository " + repository.toRealPath() + " or a folder above it")
            .hasLineCount(1);
      }
    }
    assertThat(fingerprint(repository)).isEqualTo(before);
  }

  @Test
  void aFileNamedAsTheOutputFolderIsRefusedAndKept() throws IOException {
    Path readme = repository.resolve("README.md");
    String text = Files.readString(readme);
    for (String command : List.of("site", "generate", "build", "man", "import-rst")) {
      CommandRun run = command.equals("import-rst")
          ? CommandRun.of(command, "--out", readme.toString(), readme.toString())
          : command.equals("man") ? CommandRun.of(command, "--out", readme.toString())
          : CommandRun.of(command, "--registry", registry.toString(), "--out", readme.toString());
      assertThat(run.exitCode()).as(command).isEqualTo(2);
      assertThat(run.err()).as(command).isEqualTo("vhost-spec: " + readme
          + " is a file; --out needs a folder\n");
    }
    assertThat(Files.readString(readme)).isEqualTo(text);
  }

  @Test
  void aFileOutputAtTheTopOfTheRepositoryIsRefused() throws IOException {
    Path readme = repository.resolve("README.md");
    String text = Files.readString(readme);
    CommandRun changelog = CommandRun.of("changelog", "--registry", registry.toString(), "--out",
        readme.toString());
    assertThat(changelog.exitCode()).isEqualTo(2);
    assertThat(changelog.err()).isEqualTo("vhost-spec: refusing to write " + readme + ": it is"
        + " at the top of the repository " + repository.toRealPath() + ", whose files are"
        + " sources; name a file under build/\n");
    CommandRun export = CommandRun.of("export-rst", "--registry", registry.toString(), "--out",
        readme.toString());
    assertThat(export.exitCode()).isEqualTo(2);
    assertThat(export.err()).isEqualTo(changelog.err());
    CommandRun diff = CommandRun.of("diff", "main", "--registry", registry.toString(),
        "--report", "markdown=" + repository.resolve("spec/review.md"));
    assertThat(diff.exitCode()).isEqualTo(2);
    assertThat(diff.err()).startsWith("vhost-spec: refusing to write ").hasLineCount(1);
    assertThat(Files.readString(readme)).isEqualTo(text);
    assertThat(repository.resolve("spec/review.md")).doesNotExist();
  }

  @Test
  void theWireCommandsWriteTheirTranscriptsOnlyWhereOutputsMayGo() throws IOException {
    Path readme = repository.resolve("README.md");
    String text = Files.readString(readme);
    String socket = temp.resolve("no.sock").toString();
    for (String[] args : List.of(
        new String[] {"trace", "record", "--listen", socket, "--connect", socket},
        new String[] {"probe", "--backend", socket},
        new String[] {"stub-backend", "--listen", socket})) {
      String[] line = Stream.concat(Stream.of(args), Stream.of("--registry", registry.toString(),
          "--out", readme.toString())).toArray(String[]::new);
      CommandRun run = CommandRun.of(line);
      assertThat(run.exitCode()).as(args[0]).isEqualTo(2);
      assertThat(run.err()).as(args[0]).isEqualTo("vhost-spec: refusing to write " + readme
          + ": it is at the top of the repository " + repository.toRealPath() + ", whose files"
          + " are sources; name a file under build/\n");
    }
    assertThat(Files.readString(readme)).isEqualTo(text);
  }

  @Test
  void aListeningSocketNeverReplacesAFileOrADevice() throws IOException {
    Path readme = repository.resolve("README.md");
    for (String listen : List.of(readme.toString(), "/dev/null")) {
      CommandRun run = CommandRun.of("stub-backend", "--listen", listen, "--wait", "1",
          "--registry", registry.toString());
      assertThat(run.exitCode()).as(listen).isEqualTo(2);
      assertThat(run.err()).as(listen).isEqualTo("vhost-spec: " + listen + " exists and is not a"
          + " socket; refusing to replace it\n");
    }
    assertThat(readme).isRegularFile();
    assertThat(Path.of("/dev/null")).exists();
    assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse(); // still the device
  }

  @Test
  void systemPlacesAreNeverWritten() {
    for (String out : List.of("/dev/null", "/proc/vhost-spec", "/sys/vhost-spec", "/")) {
      CommandRun site = CommandRun.of("site", "--registry", registry.toString(), "--out", out);
      assertThat(site.exitCode()).as(out).isEqualTo(2);
      assertThat(site.err()).as(out).isEqualTo("vhost-spec: refusing to write " + out
          + " (--out): vhost-spec writes nothing into /, /proc, /dev or /sys\n");
    }
    CommandRun changelog = CommandRun.of("changelog", "--registry", registry.toString(),
        "--out", "/proc/self/environ");
    assertThat(changelog.exitCode()).isEqualTo(2);
    assertThat(changelog.err()).isEqualTo("vhost-spec: refusing to write /proc/self/environ"
        + " (--out): vhost-spec writes nothing into /, /proc, /dev or /sys\n");
  }

  @Test
  void aFolderSomeoneElseFilledIsRefusedAndAMarkedOneIsReused() throws IOException {
    Path mine = Files.createDirectories(temp.resolve("mine"));
    Files.writeString(mine.resolve("thesis.tex"), "years of work\n");
    CommandRun refused = CommandRun.of("generate", "--registry", registry.toString(), "--out",
        mine.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("vhost-spec: " + mine + " is not empty and was not"
        + " written by vhost-spec (it has no .vhost-spec-output); name a new or empty folder with"
        + " --out\n");
    assertThat(mine).isDirectoryContaining(p -> p.getFileName().toString().equals("thesis.tex"));

    Path fresh = temp.resolve("fresh");
    assertThat(CommandRun.of("generate", "--registry", registry.toString(), "--out",
        fresh.toString()).exitCode()).isZero();
    assertThat(fresh.resolve(Outputs.MARKER)).isRegularFile();
    Files.writeString(fresh.resolve("extra.txt"), "left by a later tool\n");
    assertThat(CommandRun.of("generate", "--registry", registry.toString(), "--out",
        fresh.toString()).exitCode()).isZero();
  }

  @Test
  void aSecondRunOnTheSameOutputRefusesWhileTheFirstHoldsIt() {
    Path out = temp.resolve("out");
    try (Outputs first = Outputs.claim(out, "--out", folder -> false)) {
      CommandRun second = CommandRun.of("generate", "--registry", registry.toString(), "--out",
          out.toString());
      assertThat(second.exitCode()).isEqualTo(2);
      assertThat(second.err()).isEqualTo("vhost-spec: " + out + " is being written by another"
          + " vhost-spec run (lock " + temp.resolve(".out.lock") + "); wait until it has"
          + " finished, or name another folder with --out\n");
    }
    assertThat(CommandRun.of("generate", "--registry", registry.toString(), "--out",
        out.toString()).exitCode()).isZero();
  }

  @Test
  void aPathThroughAFileIsOneLine() throws IOException {
    Path readme = repository.resolve("README.md");
    CommandRun run = CommandRun.of("generate", "--registry", registry.toString(), "--out",
        readme.resolve("generated").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("vhost-spec: cannot write " + readme.resolve("generated")
        + ": cannot create its folder " + readme + ": ").hasLineCount(1);
  }

  // Inputs stay inside the repository.

  @Test
  void aCommittedLinkToTheEnvironmentIsRefusedAndNeverPublished() throws IOException {
    Files.createSymbolicLink(repository.resolve("spec/env.adoc"), Path.of("/proc/self/environ"));
    Path index = repository.resolve("spec/index.adoc");
    Files.writeString(index, Files.readString(index) + "\ninclude::env.adoc[]\n");
    int line = (int) Files.readString(index).lines().count();

    CommandRun validate = CommandRun.of("validate", "--registry", registry.toString());
    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.diagnostics(registry.toString())).containsExactly("SPEC/index.adoc:"
        + line + ":1: error: included file SPEC/env.adoc: refused to read a symbolic link to"
        + " /proc/self/environ: inputs are never read from /proc, /dev or /sys [file-outside]");

    Path out = repository.resolve("build/site");
    CommandRun site = CommandRun.of("site", "--registry", registry.toString(), "--out",
        out.toString());
    assertThat(site.exitCode()).isEqualTo(1);
    assertThat(site.err()).contains("[file-outside]", "vhost-spec: site not rendered")
        .doesNotContain(System.getenv().getOrDefault("PATH", "PATH="));
    assertThat(out).doesNotExist();
  }

  @Test
  void aLinkedDocumentOfTheSiteStopsTheBuildBeforeAnythingIsPublished() throws IOException {
    Files.delete(repository.resolve("MAINTAINERS"));
    Files.createSymbolicLink(repository.resolve("MAINTAINERS"), Path.of("/proc/self/environ"));
    Path out = repository.resolve("build/site");
    CommandRun site = CommandRun.of("site", "--registry", registry.toString(), "--out",
        out.toString());
    assertThat(site.exitCode()).isEqualTo(2);
    assertThat(site.err()).isEqualTo("vhost-spec: " + repository.resolve("MAINTAINERS")
        + ": refused to read a symbolic link to /proc/self/environ: inputs are never read from"
        + " /proc, /dev or /sys\n");
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"link", "fifo"})
  void aTableThatIsALinkOutOrAFifoIsADiagnostic(String kind) throws Exception {
    Path table = registry.resolve(RegistryFiles.ENUMS);
    Files.delete(table);
    if (kind.equals("link")) {
      Files.createSymbolicLink(table, Path.of("/dev/zero"));
    } else {
      assertThat(new ProcessBuilder("mkfifo", table.toString()).start().waitFor()).isZero();
    }
    CommandRun run = CommandRun.of("validate", "--registry", registry.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.diagnostics(registry.toString()))
        .filteredOn(line -> line.startsWith("REGISTRY/")).singleElement().asString()
        .startsWith("REGISTRY/enums.yaml:1:1: error: refused to read ")
        .endsWith(kind.equals("link") ? "[file-outside]" : "[file-not-regular]");
    assertThat(run.hasNoStackTrace()).isTrue();
  }

  // Bounded parsing: no stack trace, whatever the table.

  @ParameterizedTest
  @ValueSource(strings = {"registry.yaml", "header.yaml", "front-end-messages.yaml",
      "back-end-messages.yaml", "protocol-features.yaml", "virtio-features.yaml",
      "payloads.yaml", "enums.yaml", "accepted-breaks.yaml"})
  void aListNestedTwoThousandLevelsDeepInAnyTableIsOneDiagnostic(String table)
      throws IOException {
    Path file = registry.resolve(table);
    Files.writeString(file, "# deep\nx: " + "[".repeat(2000) + "]".repeat(2000) + "\n");
    CommandRun run = CommandRun.of("validate", "--registry", registry.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.diagnostics(registry.toString())).contains("REGISTRY/" + table + ":2:53:"
        + " error: lists and mappings nested more than 50 levels deep; registry tables need far"
        + " fewer [too-deep]");
    assertThat(run.hasNoStackTrace()).isTrue();
  }

  @Test
  void anErrorOfTheJavaRuntimeIsOneLine() {
    StringWriter text = new StringWriter();
    int code = FailureHandler.report(new StackOverflowError(), new PrintWriter(text, true), false);
    assertThat(code).isEqualTo(3);
    assertThat(text.toString()).isEqualTo("vhost-spec: internal error: the call stack overflowed"
        + " (StackOverflowError), which an input nested too deeply for a reader without a depth"
        + " limit can cause (this is a bug; please report it with the command line that caused"
        + " it, adding --stacktrace)\n");
  }

  @Test
  void aMissingRegistryFolderExitsTwoForEveryCommand() {
    String nowhere = temp.resolve("nowhere").toString();
    for (String[] args : List.of(new String[] {"validate"}, new String[] {"generate"},
        new String[] {"site"}, new String[] {"build"}, new String[] {"serve", "--port", "0"},
        new String[] {"diff", "main"}, new String[] {"changelog"},
        new String[] {"check-commits", "main..main"}, new String[] {"next-id", "--feature"},
        new String[] {"compare-rst", repository.resolve("README.md").toString()})) {
      String[] line = Stream.concat(Stream.of(args), Stream.of("--registry", nowhere))
          .toArray(String[]::new);
      CommandRun run = CommandRun.of(line);
      assertThat(run.exitCode()).as(args[0]).isEqualTo(2);
      assertThat(run.err()).as(args[0]).isEqualTo("vhost-spec: no registry folder at " + nowhere
          + " (run from the repository root, or pass --registry DIR)\n");
    }
  }

  @Test
  void anIncludeWithoutAFileNameIsReported() throws IOException {
    Path index = repository.resolve("spec/index.adoc");
    Files.writeString(index, Files.readString(index) + "\ninclude::[]\n");
    int line = (int) Files.readString(index).lines().count();
    CommandRun run = CommandRun.of("validate", "--registry", registry.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.diagnostics(registry.toString())).containsExactly("SPEC/index.adoc:" + line
        + ":1: error: include directive without a file name or its closing [...]"
        + " [prose-include-missing]");
  }

  // Ports are checked, and taken, before anything renders.

  @Test
  void aPortOutOfRangeOrBusyIsOneLineBeforeAnyRender() throws IOException {
    Path out = repository.resolve("build/site");
    CommandRun outOfRange = CommandRun.of("serve", "--port", "99999", "--registry",
        registry.toString(), "--out", out.toString());
    assertThat(outOfRange.exitCode()).isEqualTo(2);
    assertThat(outOfRange.err()).isEqualTo("vhost-spec: error: Invalid value for option"
        + " '--port': 99999 is not a port number (0 to 65535; 0 picks a free one)\n"
        + "Try 'vhost-spec serve --help'.\n");
    try (ServerSocket busy = new ServerSocket()) {
      busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = busy.getLocalPort();
      CommandRun taken = CommandRun.of("serve", "--port", Integer.toString(port), "--registry",
          registry.toString(), "--out", out.toString());
      assertThat(taken.exitCode()).isEqualTo(2);
      assertThat(taken.err()).isEqualTo("vhost-spec: cannot listen on 127.0.0.1 port " + port
          + ": Address already in use (another program may use it; pick another with --port N,"
          + " or --port 0 for any free one)\n");
    }
    assertThat(out).doesNotExist();
  }

  // History that cannot be poisoned.

  @Test
  void aRevertedCommitWithAnUnreadableRegistryIsAWarningNamingIt() throws Exception {
    Path table = registry.resolve(RegistryFiles.FRONT_END);
    String good = Files.readString(table);
    String poisoned;
    try (Git git = Git.open(repository.toFile())) {
      Files.writeString(table, good.replaceFirst("\n", "\nx: " + "[".repeat(3000)
          + "]".repeat(3000) + "\n"));
      poisoned = commit(git, "Poison").abbreviate(12).name();
      Files.writeString(table, good);
      commit(git, "Revert the poison");
    }
    CommandRun diff = CommandRun.of("diff", "main~2", "--registry", registry.toString());
    assertThat(diff.exitCode()).as(diff.err()).isZero();
    assertThat(diff.out()).contains("spec/registry/front-end-messages.yaml:2:53: warning: this"
        + " table cannot be read at commit " + poisoned + " (lists and mappings nested more than"
        + " 50 levels deep; registry tables need far fewer [too-deep]), so the number-reused"
        + " rule does not see the numbers of that version [revision-unreadable]");
    assertThat(diff.hasNoStackTrace()).isTrue();

    CommandRun commits = CommandRun.of("check-commits", "main~2..main", "--registry",
        registry.toString());
    assertThat(commits.exitCode()).isEqualTo(1);
    assertThat(commits.out()).contains(poisoned, "[too-deep]");
    assertThat(commits.hasNoStackTrace()).isTrue();
  }

  @Test
  void aMissingGitObjectIsOneLine() throws Exception {
    ObjectId blob;
    try (Git git = Git.open(repository.toFile())) {
      RevCommit head = git.log().call().iterator().next();
      try (TreeWalk walk = TreeWalk.forPath(git.getRepository(),
          "spec/registry/" + RegistryFiles.FRONT_END, head.getTree())) {
        blob = walk.getObjectId(0);
      }
    }
    String name = blob.name();
    Files.delete(repository.resolve(".git/objects/" + name.substring(0, 2) + "/"
        + name.substring(2)));
    CommandRun diff = CommandRun.of("diff", "main", "--registry", registry.toString());
    assertThat(diff.exitCode()).isEqualTo(2);
    assertThat(diff.err()).startsWith("vhost-spec: the git repository is damaged (")
        .contains(name).endsWith("); check it with: git fsck, or clone it again\n")
        .hasLineCount(1);
  }

  private RevCommit commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(message + "\n\nSigned-off-by: Ada Reviewer <ada@example.org>")
        .setAuthor(WHO).setCommitter(WHO).setSign(false).call();
  }

  /** A hash of every file below {@code root}, its path and its content. */
  private static String fingerprint(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        digest.update(root.relativize(file).toString().getBytes());
        digest.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
