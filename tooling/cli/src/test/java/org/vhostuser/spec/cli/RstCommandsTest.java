package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;
import org.vhostuser.spec.rst.Aspect;
import org.vhostuser.spec.rst.KnownDifferences;

/** {@code vhost-spec import-rst} and {@code compare-rst} on small RST files written for tests. */
class RstCommandsTest {
  static final Path RST = Path.of("src/test/resources/rst");
  static final String DRIFTED = RST.resolve("drifted.rst").toString();
  static final String REGISTRY = "../../spec/registry";
  /** The registry the tests own (tooling/testdata/README.md). */
  static final String TEST_REGISTRY = "../testdata/registry";
  static final Path QEMU_DIFFERENCES = Path.of(REGISTRY, "qemu-rst-differences.yaml");
  static final Path APPENDIX = Path.of("../../spec/appendix-clarifications.adoc");

  @TempDir Path temp;

  @Test
  void importWritesOneYamlStreamWithoutOut() {
    CommandRun run = CommandRun.of("import-rst", DRIFTED);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    String[] documents = run.out().split("\n---\n");
    assertThat(documents).hasSize(3);
    assertThat(documents[0]).startsWith(
        "# yaml-language-server: $schema=schema/front-end-messages.schema.json\n"
            + "# front-end-messages.yaml: imported by vhost-spec import-rst from drifted.rst.\n");
    assertThat(documents[0]).contains("direction: front-end\nmessages:\n"
        + "  - name: VHOST_USER_GET_FEATURES\n    id: 1\n    ioctl: VHOST_GET_FEATURES\n"
        + "    reply: u64_value  # rst: u64\n",
        "    request: frobnication_order  # rst: frobnication order (no registry payload known)");
    assertThat(documents[1]).contains("direction: back-end\n",
        "  - name: VHOST_USER_BACKEND_CONFIG_CHANGE_MSG\n    id: 2");
    assertThat(documents[2]).endsWith("  - name: VHOST_USER_PROTOCOL_F_SLAVE_REQ\n    bit: 5\n");
    assertThat(CommandRun.of("import-rst", DRIFTED).out()).as("deterministic")
        .isEqualTo(run.out());
  }

  @Test
  void importThenCompareTheSameFileFindsNoDifference() throws IOException {
    Path out = temp.resolve("imported");
    CommandRun imported = CommandRun.of("import-rst", "--out", out.toString(), DRIFTED);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).isEqualTo(out + ": 4 front-end messages, 1 back-end messages,"
        + " 3 protocol features imported from " + DRIFTED + "\n");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "front-end-messages.yaml", "back-end-messages.yaml", "protocol-features.yaml",
          Outputs.MARKER);
    }

    CommandRun compared = CommandRun.of("compare-rst", "--registry", out.toString(), DRIFTED);
    assertThat(compared.exitCode()).as(compared.out() + compared.err()).isZero();
    assertThat(compared.out()).isEqualTo("1 file, 8 entries read, 8 matched the registry:"
        + " 0 with another number, 0 with another ioctl or payload, 0 missing, 0 extra,"
        + " 0 spelled differently\n");
    assertThat(compared.err()).isEmpty();
  }

  @Test
  void checkRulesReportsEveryRuleCitingASectionTheDocumentLacks() throws IOException {
    Path registry = temp.resolve("spec/registry");
    CommandRun imported = CommandRun.of("import-rst", "--out", registry.toString(), DRIFTED);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    Files.writeString(temp.resolve("spec/index.adoc"), String.join("\n", "= T", "",
        "vu-rule:a[qemu=\"Protocol features\"] It MUST.", "",
        "vu-rule:b[qemu=\"Protocol feature\"] It MUST.", "",
        "vu-rule:c[position=\"ours\"] It MAY.", ""));

    CommandRun run = CommandRun.of("compare-rst", "--check-rules", "--registry",
        registry.toString(), DRIFTED);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith(temp.resolve("spec/index.adoc") + ":5:1: error: rule 'b'"
        + " cites the section 'Protocol feature', which drifted.rst does not have; did you mean"
        + " 'Protocol features'? [rule-section-missing]\n");
    assertThat(run.err().lines().filter(l -> l.contains("error:"))).hasSize(1);
    assertThat(CommandRun.of("compare-rst", "--registry", registry.toString(), DRIFTED)
        .exitCode()).as("without --check-rules").isZero();

    Path lonely = temp.resolve("lonely/registry");
    CommandRun.of("import-rst", "--out", lonely.toString(), DRIFTED);
    CommandRun noProse = CommandRun.of("compare-rst", "--check-rules", "--registry",
        lonely.toString(), DRIFTED);
    assertThat(noProse.exitCode()).isEqualTo(2);
    assertThat(noProse.err()).isEqualTo("vhost-spec: --check-rules needs the prose beside the"
        + " registry: no index.adoc in the parent folder of " + lonely + "\n");
  }

  @Test
  void importRefusesANonEmptyFolderUnlessForced() throws IOException {
    Path out = Files.createDirectories(temp.resolve("busy"));
    Files.writeString(out.resolve("notes.txt"), "mine\n");

    CommandRun refused = CommandRun.of("import-rst", "--out", out.toString(), DRIFTED);
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("vhost-spec: " + out
        + " is not empty and was not written by vhost-spec (it has no .vhost-spec-output); pass"
        + " --force to replace its tables\n");
    assertThat(out.resolve("front-end-messages.yaml")).doesNotExist();

    CommandRun forced = CommandRun.of("import-rst", "--force", "--out", out.toString(), DRIFTED);
    assertThat(forced.exitCode()).isZero();
    assertThat(out.resolve("front-end-messages.yaml")).exists();
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine\n");
  }

  @Test
  void compareAgainstTheRegistryListsEveryDifference() {
    // Counts are asserted, so the registry is the one the tests own, never the living one.
    CommandRun run = CommandRun.of("compare-rst", "--registry", TEST_REGISTRY, DRIFTED);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains(
        DRIFTED + ":35: error: number differs: front-end message VHOST_USER_SET_VRING_ADDR has"
            + " id 19 in drifted.rst; the registry gives 9\n",
        DRIFTED + ":16: missing: front-end message VHOST_USER_SET_OWNER (id 3) is not in"
            + " drifted.rst\n",
        DRIFTED + ":16: missing: front-end message VHOST_USER_GET_VRING_BASE_SKIP_DRAIN (id 45),"
            + " proposed is not in drifted.rst\n",
        DRIFTED + ":51: missing: back-end message VHOST_USER_BACKEND_IOTLB_MSG (id 1) is not in"
            + " drifted.rst\n",
        DRIFTED + ":43: extra: front-end message VHOST_USER_FROBNICATE (id 99) of drifted.rst is"
            + " not in the registry\n",
        DRIFTED + ":14: spelling: protocol feature VHOST_USER_PROTOCOL_F_SLAVE_REQ of drifted.rst"
            + " is a previous name of VHOST_USER_PROTOCOL_F_BACKEND_REQ\n");
    assertThat(run.out()).endsWith("1 file, 8 entries read, 7 matched the registry: 1 with"
        + " another number, 0 with another ioctl or payload, 72 missing, 1 extra, 1 spelled"
        + " differently\n");
    assertThat(run.out()).doesNotContain("VHOST_USER_GET_FEATURES:", "SET_VRING_NUM");
  }

  @Test
  void compareAsJsonAndMarkdown() {
    CommandRun json = CommandRun.of("compare-rst", "--format", "json", "--registry", REGISTRY,
        DRIFTED);
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(json.out()).startsWith("{").contains("\"kind\": \"number-differs\"",
        "\"entry\": \"VHOST_USER_SET_VRING_ADDR\"", "\"expected\": 9", "\"actual\": 19");

    CommandRun markdown = CommandRun.of("compare-rst", "--format", "markdown", "--registry",
        REGISTRY, DRIFTED);
    assertThat(markdown.out()).contains("### Numbers that differ from the specification (1)",
        "| `" + DRIFTED + ":35` | `VHOST_USER_SET_VRING_ADDR` |");
  }

  @Test
  void knownDifferencesAreExplainedAndStaleOnesAreErrors() throws IOException {
    Path out = temp.resolve("imported");
    assertThat(CommandRun.of("import-rst", "--out", out.toString(), DRIFTED).exitCode()).isZero();
    Path table = out.resolve("front-end-messages.yaml");
    Files.writeString(table, Files.readString(table).replace("    id: 19\n", "    id: 9\n"));
    Path expected = Files.writeString(temp.resolve("expected.yaml"), """
        differences:
          - entry: VHOST_USER_SET_VRING_ADDR
            aspect: number
            rst: 19
            registry: 9
            explained_by: clarification-numbering
          - entry: VHOST_USER_GET_FEATURES
            aspect: ioctl
            rst: VHOST_GET_FEATURES
            registry: ~
            explained_by: notes
        """);

    CommandRun run = CommandRun.of("compare-rst", "--registry", out.toString(), "--expected",
        expected.toString(), DRIFTED);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("1 file, 8 entries read, 8 matched the registry:"
        + " 0 with another number, 0 with another ioctl or payload, 0 missing, 0 extra,"
        + " 0 spelled differently\n1 known difference explained by " + expected + "\n");
    assertThat(run.err()).isEqualTo(expected + ":7:5: error: the known difference ioctl of"
        + " VHOST_USER_GET_FEATURES (rst: VHOST_GET_FEATURES, registry: none) no longer occurs;"
        + " remove it from the list [known-difference]\n"
        + "    - entry: VHOST_USER_GET_FEATURES\n"
        + "      ^\n");
  }

  @Test
  void aMalformedKnownDifferencesFileIsPositioned() throws IOException {
    Path expected = Files.writeString(temp.resolve("expected.yaml"),
        "differences:\n  - entry: VHOST_USER_GET_FEATURES\n    aspect: colour\n"
            + "    explained_by: notes\n");
    CommandRun run = CommandRun.of("compare-rst", "--registry", REGISTRY, "--expected",
        expected.toString(), DRIFTED);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith(expected + ":3:13: error: 'aspect' must be one of number,"
        + " missing, extra, name, previous-name, ioctl, request, reply, found 'colour'"
        + " [known-difference]\n");
  }

  @Test
  void aFileThatIsNotAVhostUserSpecIsOneDiagnostic() {
    String file = RST.resolve("not-a-spec.rst").toString();
    for (String command : List.of("import-rst", "compare-rst")) {
      CommandRun run = command.equals("import-rst") ? CommandRun.of(command, file)
          : CommandRun.of(command, "--registry", REGISTRY, file);
      assertThat(run.exitCode()).as(command).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).as(command).isEqualTo(file + ":1:1: error: not-a-spec.rst is not a"
          + " vhost-user specification: it has no 'Front-end message types' or 'Back-end message"
          + " types' section (nor the older 'Master' and 'Slave' ones) [rst-not-a-spec]\n"
          + "  Release notes\n  ^\n"
          + "vhost-spec: cannot " + (command.equals("import-rst") ? "import" : "compare") + ": "
          + file + " cannot be read as a vhost-user.rst\n");
    }
  }

  @Test
  void aBadIdIsPositionedWithTheLineAndACaret() {
    String file = RST.resolve("bad-id.rst").toString();
    CommandRun run = CommandRun.of("import-rst", file);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith(file + ":5:8: error: the :id: of VHOST_USER_GET_FEATURES"
        + " must be a number, found 'abc' [rst-bad-field]\n"
        + "    :id: abc\n"
        + "         ^\n");
    assertThat(run.hasNoStackTrace()).isTrue();
  }

  @Test
  void missingFilesAndFoldersAreOneCleanLine() {
    CommandRun missing = CommandRun.of("import-rst", "no/such.rst");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("vhost-spec: no file at no/such.rst\n");

    CommandRun folder = CommandRun.of("compare-rst", "--registry", REGISTRY, RST.toString());
    assertThat(folder.exitCode()).isEqualTo(2);
    assertThat(folder.err()).isEqualTo("vhost-spec: " + RST
        + " is a folder; give the vhost-user.rst file\n");

    CommandRun registry = CommandRun.of("compare-rst", "--registry", "no/registry", DRIFTED);
    assertThat(registry.exitCode()).isEqualTo(2);
    assertThat(registry.err()).isEqualTo("vhost-spec: no registry folder at no/registry"
        + " (run from the repository root, or pass --registry DIR)\n");

    CommandRun expected = CommandRun.of("compare-rst", "--registry", REGISTRY, "--expected",
        "no/expected.yaml", DRIFTED);
    assertThat(expected.exitCode()).isEqualTo(2);
    assertThat(expected.err()).isEqualTo("vhost-spec: no known-differences file at"
        + " no/expected.yaml\n");

    CommandRun usage = CommandRun.of("compare-rst");
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err()).isEqualTo("vhost-spec: error: Missing required parameter: 'FILE'\n"
        + "Try 'vhost-spec compare-rst --help'.\n");
  }

  @Test
  void importIntoAFileIsOneCleanLine() throws IOException {
    Path file = Files.writeString(temp.resolve("taken"), "x\n");
    CommandRun run = CommandRun.of("import-rst", "--out", file.toString(), DRIFTED);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("vhost-spec: " + file + " is a file; --out needs a folder\n");
  }

  @Test
  void everyKnownQemuDifferenceIsExplainedAndStillHoldsInTheRegistry() throws IOException {
    KnownDifferences.Parsed parsed = KnownDifferences.read(QEMU_DIFFERENCES);
    assertThat(parsed.diagnostics()).isEmpty();
    assertThat(parsed.entries()).isNotEmpty();
    String appendix = Files.readString(APPENDIX);
    Registry registry = RegistryValidator.loadAndValidate(Path.of(REGISTRY)).registry();
    for (KnownDifferences.Known known : parsed.entries()) {
      String what = known.entry() + " " + known.aspect().id();
      if (known.explainedBy().equals("notes")) {
        assertThat(notes(registry, known.entry())).as(what).isNotEmpty();
      } else {
        assertThat(appendix).as(what).contains("[[" + known.explainedBy() + "]]");
      }
      if (known.aspect() == Aspect.MISSING) {
        String number = registry.allMessages().filter(m -> m.name().equals(known.entry()))
            .map(m -> String.valueOf(m.id())).findFirst()
            .or(() -> registry.allFeatures().filter(f -> f.name().equals(known.entry()))
                .map(f -> String.valueOf(f.bit())).findFirst())
            .orElseThrow(() -> new AssertionError(what + ": no such registry entry"));
        assertThat(number).as(what).isEqualTo(known.registry());
        continue;
      }
      if (known.aspect() == Aspect.NAME) {
        Feature feature = registry.protocolFeatures().features().stream()
            .filter(f -> f.name().equals(known.registry())).findFirst().orElseThrow();
        assertThat(feature.previousNames()).as(what).contains(known.rst());
        continue;
      }
      Message message = registry.allMessages().filter(m -> m.name().equals(known.entry()))
          .findFirst().orElseThrow();
      String ours = switch (known.aspect()) {
        case IOCTL -> message.ioctl();
        case REQUEST -> message.request() == null ? null : message.request().name();
        case REPLY -> message.reply() == null ? null : message.reply().name();
        default -> throw new AssertionError(what);
      };
      assertThat(ours).as(what).isEqualTo(known.registry());
    }
  }

  private static List<String> notes(Registry registry, String name) {
    Optional<Message> message = registry.allMessages().filter(m -> m.name().equals(name))
        .findFirst();
    if (message.isPresent()) {
      return message.get().notes();
    }
    return registry.allFeatures().filter(f -> f.name().equals(name)).findFirst()
        .map(Feature::notes).orElse(List.of());
  }
}
