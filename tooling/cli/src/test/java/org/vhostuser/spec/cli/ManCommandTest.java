package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vhost-spec man}: a troff page and its source for the tool and every visible command. */
class ManCommandTest {
  @TempDir Path temp;

  @Test
  void everyVisibleCommandGetsAPage() throws Exception {
    CommandRun run = CommandRun.of("man", "--out", temp.toString());
    assertThat(run.exitCode()).isZero();
    for (String command : VhostSpecCommand.SUBCOMMANDS) {
      Path page = temp.resolve("vhost-spec-" + command + ".1");
      if (command.equals("train")) {
        assertThat(page).doesNotExist(); // hidden
      } else {
        assertThat(page).exists();
      }
    }
    assertThat(temp.resolve("vhost-spec-maintainers-codeowners.1")).exists();
    String diff = Files.readString(temp.resolve("vhost-spec-diff.1"));
    assertThat(diff).contains(".TH \"VHOST\\-SPEC\\-DIFF\" \"1\"").contains("\\-\\-report");
    assertThat(Files.readString(temp.resolve("vhost-spec-diff.adoc")))
        .contains("= vhost-spec-diff(1)").contains("internal error: a bug in vhost-spec");
  }
}
