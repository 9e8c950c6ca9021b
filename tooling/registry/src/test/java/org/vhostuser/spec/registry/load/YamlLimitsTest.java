package org.vhostuser.spec.registry.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vhostuser.spec.registry.Diagnostics;

/**
 * The YAML loader holds every file to the limits of a registry file, each crossed limit one
 * diagnostic at the place it is crossed: no input ends in a stack overflow or fills the heap.
 */
class YamlLimitsTest {
  static final Path FILE = Path.of("REGISTRY/enums.yaml");

  @Test
  void nestingDeeperThanTheLimitStopsWhereItIsCrossed() {
    String flow = "enums:\n  - notes: " + "[".repeat(3000) + "]".repeat(3000) + "\n";
    assertThat(problems(flow)).containsExactly("REGISTRY/enums.yaml:2:59: error: lists and"
        + " mappings nested more than 50 levels deep; registry tables need far fewer [too-deep]");
    StringBuilder block = new StringBuilder("enums:\n");
    for (int i = 0; i < 2000; i++) {
      block.append("  ".repeat(i + 1)).append("-\n");
    }
    assertThat(problems(block.toString())).singleElement().asString()
        .startsWith("REGISTRY/enums.yaml:51:").endsWith("[too-deep]");
  }

  @Test
  void nestingUpToTheLimitIsRead() {
    String nested = "enums: " + "[".repeat(BoundedParser.MAX_DEPTH - 1) + "x"
        + "]".repeat(BoundedParser.MAX_DEPTH - 1) + "\n";
    assertThat(problems(nested)).isEmpty();
  }

  @Test
  void aListOrMappingWithTooManyEntriesStopsAtTheFirstOneTooMany() {
    String list = "enums: [" + "1, ".repeat(BoundedParser.MAX_ENTRIES) + "1]\n";
    assertThat(problems(list)).containsExactly("REGISTRY/enums.yaml:1:"
        + (9 + 3 * BoundedParser.MAX_ENTRIES) + ": error: more than 10000 entries in one list;"
        + " registry tables hold far fewer [too-many]");
    StringBuilder mapping = new StringBuilder("enums:\n");
    for (int i = 0; i <= BoundedParser.MAX_ENTRIES; i++) {
      mapping.append("  k").append(i).append(": v\n");
    }
    assertThat(problems(mapping.toString())).containsExactly("REGISTRY/enums.yaml:10002:3:"
        + " error: more than 10000 entries in one mapping; registry tables hold far fewer"
        + " [too-many]");
  }

  @Test
  void tooManyNodesInAllStopsAtTheFirstOneTooMany() {
    StringBuilder many = new StringBuilder("enums:\n");
    for (int i = 0; i < 20; i++) {
      many.append("  - [").append("1, ".repeat(9_999)).append("1]\n");
    }
    // 3 nodes before the lists, 10,001 in each: the 9,988th item of the tenth list is one too many
    assertThat(problems(many.toString())).containsExactly("REGISTRY/enums.yaml:11:"
        + (6 + 3 * 9987) + ": error: more than 100000 YAML nodes in one file; registry files"
        + " hold far fewer [too-many]");
  }

  @Test
  void anchorsAndAliasesAreReportedWhereTheyStand() {
    assertThat(problems("enums:\n  - &first {name: a}\n  - *first\n")).containsExactly(
        "REGISTRY/enums.yaml:2:5: error: anchor &first: anchors and aliases are not allowed in"
            + " registry files; write each entry out [yaml-syntax]");
    assertThat(problems("enums:\n  - name: a\n  - *first\n")).singleElement().asString()
        .startsWith("REGISTRY/enums.yaml:3:5: error: ");
  }

  @Test
  void aControlCharacterIsReportedWhereItStands() {
    assertThat(problems("# x\nenums:\n  - name: a\u0007b\n")).containsExactly(
        "REGISTRY/enums.yaml:3:12: error: the character U+0007 is not allowed in YAML (only"
            + " printable characters are) [yaml-syntax]");
  }

  @Test
  void anUnsupportedYamlVersionIsReportedAtItsDirective() {
    assertThat(problems("# x\n%YAML 2.0\n---\nenums: []\n")).containsExactly(
        "REGISTRY/enums.yaml:2:1: error: YAML 2.0 is not supported; registry files are YAML 1.2"
            + " [yaml-syntax]");
  }

  @Test
  void aListUsedAsAKeyIsReportedWhereItStands() {
    assertThat(problems("# x\nenums:\n  ? [a, b]\n  : c\n")).containsExactly(
        "REGISTRY/enums.yaml:3:5: error: a list or mapping used as a mapping key; keys in registry"
            + " files are plain names [yaml-syntax]");
  }

  @Test
  void aHugeScalarWithinTheSizeLimitIsJustAValue() {
    assertThat(problems("enums: " + "x".repeat(3_000_000) + "\n")).isEmpty();
  }

  private static List<String> problems(String yaml) {
    Diagnostics out = new Diagnostics();
    YamlSource.parse(FILE, yaml.getBytes(StandardCharsets.UTF_8), out);
    return out.sorted().stream().map(d -> d.format()).toList();
  }
}
