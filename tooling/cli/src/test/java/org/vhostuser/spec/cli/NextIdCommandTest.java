package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vhost-spec next-id}: one above every used, reserved or retired number. */
class NextIdCommandTest {
  @TempDir Path temp;

  @Test
  void countsRetiredNumbersAsUsed() throws IOException {
    Path registry = java.nio.file.Files.createDirectories(temp.resolve("registry"));
    Fixtures.copyFiles(CommandLineTest.BASE, registry);
    CommandRun frontEnd = CommandRun.of("next-id", "--front-end", "--registry", registry.toString());
    assertThat(frontEnd.out()).isEqualTo("100\n"); // ids 1, 4, 5 used; 99 retired
    assertThat(CommandRun.of("next-id", "--back-end", "--registry", registry.toString()).out())
        .isEqualTo("2\n");
    assertThat(CommandRun.of("next-id", "--feature", "--registry", registry.toString()).out())
        .isEqualTo("4\n");
  }

  @Test
  void stepsOverARangeSetAside() throws IOException {
    Path registry = java.nio.file.Files.createDirectories(temp.resolve("registry"));
    Fixtures.copyFiles(CommandLineTest.BASE, registry);
    java.nio.file.Files.writeString(registry.resolve("registry.yaml"), "title: t\n"
        + "reserved_ranges:\n"
        + "  - {table: front-end, first: 100, last: 0x1ff, use: experiments, summary: s}\n"
        + "  - {table: protocol-features, first: 4, last: 7, use: experiments, summary: s}\n");
    assertThat(CommandRun.of("next-id", "--front-end", "--registry", registry.toString()).out())
        .isEqualTo("512\n");
    assertThat(CommandRun.of("next-id", "--feature", "--registry", registry.toString()).out())
        .isEqualTo("8\n");
    assertThat(CommandRun.of("next-id", "--back-end", "--registry", registry.toString()).out())
        .isEqualTo("2\n");
  }

  @Test
  void theRealRegistryGivesANumberNoEntryHas() {
    // A property of the living registry, not its numbers of today.
    var registry = org.vhostuser.spec.registry.validate.RegistryValidator
        .loadAndValidate(Path.of("../../spec/registry")).registry();
    long front = Long.parseLong(CommandRun.of("next-id", "--front-end", "--registry",
        "../../spec/registry").out().strip());
    assertThat(registry.frontEnd().messages()).allSatisfy(m -> assertThat(m.id()).isLessThan(front));
    assertThat(registry.frontEnd().retired()).allSatisfy(r -> assertThat(r.number()).isLessThan(front));
    long bit = Long.parseLong(CommandRun.of("next-id", "--feature", "--registry",
        "../../spec/registry").out().strip());
    assertThat(registry.protocolFeatures().features())
        .allSatisfy(f -> assertThat(f.bit()).isLessThan(bit));
  }

  @Test
  void withANamePrintsTheReservationToPaste() throws IOException {
    Path registry = java.nio.file.Files.createDirectories(temp.resolve("registry"));
    Fixtures.copyFiles(CommandLineTest.BASE, registry);
    CommandRun run = CommandRun.of("next-id", "--front-end", "VHOST_USER_SET_FOO", "--proposal",
        "https://gitlab.example.org/vhost-user/spec/-/merge_requests/7", "--owner",
        "Ada Reviewer <ada@example.org>", "--registry", registry.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("""
          - name: VHOST_USER_SET_FOO
            id: 100
            status: reserved
            proposal: "https://gitlab.example.org/vhost-user/spec/-/merge_requests/7"
            owner: "Ada Reviewer <ada@example.org>"
        """);
    assertThat(run.err()).isEqualTo("vhost-spec: paste this under 'messages:' in "
        + registry.resolve("front-end-messages.yaml") + "\n");

    // Pasted as printed, the reservation validates: no summary, reply rule or card needed.
    String table = java.nio.file.Files.readString(registry.resolve("front-end-messages.yaml"));
    java.nio.file.Files.writeString(registry.resolve("front-end-messages.yaml"),
        table.replace("retired:", run.out() + "retired:"));
    CommandRun validate = CommandRun.of("validate", "--strict", "--registry", registry.toString());
    assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
    assertThat(CommandRun.of("next-id", "--front-end", "--registry", registry.toString()).out())
        .isEqualTo("101\n");
  }

  @Test
  void aNameOfTheWrongTableOrInUseIsRefused() throws IOException {
    Path registry = java.nio.file.Files.createDirectories(temp.resolve("registry"));
    Fixtures.copyFiles(CommandLineTest.BASE, registry);
    CommandRun wrong = CommandRun.of("next-id", "--feature", "VHOST_USER_SET_FOO", "--registry",
        registry.toString());
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).startsWith("vhost-spec: error: 'VHOST_USER_SET_FOO' is not a"
        + " protocol-features name");
    CommandRun taken = CommandRun.of("next-id", "--back-end", "VHOST_USER_BACKEND_IOTLB_MSG",
        "--registry", registry.toString());
    assertThat(taken.exitCode()).isEqualTo(2);
    assertThat(taken.err()).isEqualTo("vhost-spec: VHOST_USER_BACKEND_IOTLB_MSG is already in the"
        + " registry; pick another name\n");
  }

  @Test
  void exactlyOneTableMustBeNamed() {
    CommandRun none = CommandRun.of("next-id", "--registry", "../../spec/registry");
    assertThat(none.exitCode()).isEqualTo(2);
    CommandRun two = CommandRun.of("next-id", "--front-end", "--feature");
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.err()).startsWith("vhost-spec: error: Error: --front-end, --feature are"
        + " mutually exclusive");
  }
}
