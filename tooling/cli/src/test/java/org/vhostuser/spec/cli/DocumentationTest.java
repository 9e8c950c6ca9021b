package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vhostuser.spec.history.BreakRule;
import org.vhostuser.spec.registry.Code;

/** The README documents every rule code and every exit code the tool can produce. */
class DocumentationTest {
  static final Path README = Path.of("../../README.md");

  @Test
  void readmeListsEveryRuleCodeWithItsDescription() throws IOException {
    String readme = Files.readString(README);
    for (Code code : Code.values()) {
      assertThat(readme).as(code.id()).contains("| `" + code.id() + "` | ");
    }
  }

  @Test
  void readmeListsEveryBreakingChangeRule() throws IOException {
    String readme = Files.readString(README);
    for (BreakRule rule : BreakRule.values()) {
      assertThat(readme).as(rule.id())
          .contains("| `" + rule.id() + "` | " + rule.severity() + " | ");
    }
  }

  @Test
  void everyRuleCodeHasAFixture() {
    for (Code code : Code.values()) {
      if (code == Code.FILE_UNREADABLE || code == Code.FILE_TOO_LARGE) {
        continue; // built by CommandLineTest: a folder and a 4.5 MB file are not kept as fixtures
      }
      if (code == Code.MAINTAINERS_FORMAT || code == Code.MAINTAINERS_PATTERN) {
        continue; // MAINTAINERS is not a registry file: MaintainersCommandTest writes its cases
      }
      if (code == Code.RENDER_WARNING || code == Code.RENDER_BROKEN_LINK) {
        continue; // found by rendering, not by validate: RenderProblemsTest has their cases
      }
      if (code == Code.RST_NOT_A_SPEC || code == Code.RST_BAD_FIELD
          || code == Code.KNOWN_DIFFERENCE || code == Code.RULE_SECTION_MISSING) {
        continue; // vhost-user.rst is not a registry file: RstCommandsTest has its cases
      }
      if (code.id().startsWith("conform-")) {
        continue; // implementation sources are not registry files: ConformCommandTest has them
      }
      if (code == Code.REVISION_UNREADABLE) {
        continue; // needs a git history: HardeningCorpusTest builds one
      }
      assertThat(ValidateFixturesTest.FIXTURES.resolve(code.id()).resolve("expected.txt"))
          .as(code.id()).exists();
    }
  }

  @Test
  void readmeListsTheExitCodes() throws IOException {
    String readme = Files.readString(README);
    ExitCodes.HELP.forEach((code, meaning) ->
        assertThat(readme).contains("| " + code.trim() + " | " + meaning));
  }
}
