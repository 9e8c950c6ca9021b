package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line itself: help, version, exit codes and one-line errors, never a stack trace. */
class CommandLineTest {
  static final Path BASE = ValidateFixturesTest.FIXTURES.resolve("base");

  @TempDir Path temp;

  @Test
  void helpListsSubcommandsAndTheExitCodeTable() {
    CommandRun run = CommandRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("validate", "build", "Exit codes:",
        "1   problems reported", "2   usage error", "3   internal error");
  }

  @Test
  void subcommandHelpAlsoShowsTheExitCodes() {
    CommandRun run = CommandRun.of("validate", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--format", "--strict", "--registry", "Exit codes:");
  }

  @Test
  void versionNamesTheTool() {
    CommandRun run = CommandRun.of("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("vhost-spec ");
  }

  @Test
  void anUnknownOptionIsAUsageErrorOnOneLine() {
    CommandRun run = CommandRun.of("validate", "--frobnicate");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("vhost-spec: error: Unknown option: '--frobnicate'\n"
        + "Try 'vhost-spec validate --help'.\n");
  }

  @Test
  void aWrongFormatValueIsAUsageError() {
    CommandRun run = CommandRun.of("validate", "--format", "xml", "--registry", BASE.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("vhost-spec: error: Invalid value for option '--format'");
  }

  @Test
  void noSubcommandIsAUsageError() {
    CommandRun run = CommandRun.of();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("vhost-spec: error: missing subcommand");
  }

  @Test
  void aMissingRegistryFolderIsOneCleanLine() {
    CommandRun run = CommandRun.of("validate", "--registry", temp.resolve("nowhere").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("vhost-spec: no registry folder at " + temp.resolve("nowhere")
        + " (run from the repository root, or pass --registry DIR)\n");
  }

  @Test
  void aFileGivenAsTheRegistryFolderIsOneCleanLine() throws IOException {
    Path file = Files.writeString(temp.resolve("file.yaml"), "x: 1\n");
    CommandRun run = CommandRun.of("validate", "--registry", file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(
        "vhost-spec: " + file + " is a file; --registry needs the registry folder\n");
  }

  @Test
  void aFolderInPlaceOfATableIsReportedAsUnreadable() throws IOException {
    Path registry = copyOfBase();
    Files.delete(registry.resolve("enums.yaml"));
    Files.createDirectory(registry.resolve("enums.yaml"));
    CommandRun run = CommandRun.of("validate", "--registry", registry.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.diagnostics(registry.toString())).containsExactly(
        "REGISTRY/enums.yaml:1:1: error: cannot read file: it is a directory [file-unreadable]");
    assertThat(run.hasNoStackTrace()).isTrue();
  }

  @Test
  void aHugeFileIsRefusedBeforeParsing() throws IOException {
    Path registry = copyOfBase();
    Files.writeString(registry.resolve("enums.yaml"), "# filler\n".repeat(500_000));
    CommandRun run = CommandRun.of("validate", "--registry", registry.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.diagnostics(registry.toString())).containsExactly(
        "REGISTRY/enums.yaml:1:1: error: file is 4500000 bytes; registry files are limited to"
            + " 4194304 bytes [file-too-large]");
  }

  @Test
  void warningsFailOnlyWithStrict() throws IOException {
    Path registry = copyOfBase();
    Files.writeString(registry.resolve("notes.yaml"), "a: 1\n");
    assertThat(CommandRun.of("validate", "--registry", registry.toString()).exitCode()).isZero();
    CommandRun strict = CommandRun.of("validate", "--strict", "--registry", registry.toString());
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.diagnostics(registry.toString())).singleElement().asString()
        .startsWith("REGISTRY/notes.yaml:1:1: error: 'notes.yaml' is not a registry table");
  }

  @Test
  void textDiagnosticsShowTheSourceLineAndACaret() throws IOException {
    Path registry = Fixtures.overlay(BASE, ValidateFixturesTest.FIXTURES.resolve("bad-value"),
        temp.resolve("registry"));
    CommandRun run = CommandRun.of("validate", "--registry", registry.toString());
    assertThat(run.err().replace(registry.toString(), "REGISTRY")).startsWith(
        "REGISTRY/front-end-messages.yaml:20:14: error: 'replies' must be one of always,"
            + " conditional, reply-ack, never, found 'nevr'; did you mean 'never'? [bad-value]\n"
            + "      replies: nevr\n"
            + "               ^\n");
  }

  @Test
  void jsonOutputMatchesItsGoldenFile() throws IOException {
    Path registry = Fixtures.overlay(BASE, ValidateFixturesTest.FIXTURES.resolve("unknown-key"),
        temp.resolve("registry"));
    CommandRun run = CommandRun.of("validate", "--format", "json", "--registry",
        registry.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    Golden.check("fixtures/unknown-key/expected.json",
        run.out().replace(registry.toString(), "REGISTRY"));
  }

  @Test
  void theRealRegistryValidates() {
    CommandRun run = CommandRun.of("validate", "--strict", "--registry", "../../spec/registry");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("../../spec/registry: ok (");
  }

  @Test
  void buildRunsTheMainJobOnTheRealRegistry() {
    CommandRun run = CommandRun.of("build", "--strict", "--registry", "../../spec/registry",
        "--out", temp.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(temp.resolve("generated").resolve("vhost_user_protocol.h")).isRegularFile();
    assertThat(temp.resolve("generated").resolve("vhost_user_protocol.rs")).isRegularFile();
    assertThat(temp.resolve("generated").resolve("vhost-user-registry.json")).isRegularFile();
    assertThat(temp.resolve("site").resolve("index.html")).isRegularFile();

    CommandRun again = CommandRun.of("site", "--registry", "../../spec/registry", "--out",
        temp.resolve("site").toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).isEqualTo(temp.resolve("site") + ": up to date\n");
  }

  @Test
  void aMissingProseFileIsOneCleanLine() {
    CommandRun run = CommandRun.of("validate", "--registry", BASE.toString(), "--prose",
        temp.resolve("index.adoc").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("vhost-spec: no prose file at " + temp.resolve("index.adoc")
        + "\n");
  }

  @Test
  void aSiteIsNotRenderedFromAnInvalidRegistry() throws IOException {
    Path registry = Fixtures.overlay(BASE, ValidateFixturesTest.FIXTURES.resolve("duplicate-key"),
        temp.resolve("spec").resolve("registry"));
    Path out = temp.resolve("build/site");
    CommandRun run = CommandRun.of("site", "--registry", registry.toString(), "--out",
        out.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("[duplicate-key]",
        "vhost-spec: site not rendered: the specification has errors");
    assertThat(out).doesNotExist();
  }

  private Path copyOfBase() throws IOException {
    Path registry = Files.createDirectories(temp.resolve("registry"));
    Fixtures.copyFiles(BASE, registry);
    return registry;
  }
}
