package org.vhostuser.spec.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * Feeds randomly mutated copies of the real registry files to the loader and the rules: whatever
 * the bytes, the result is a list of diagnostics with real positions, never an exception. The
 * noise holds what broke readers before: deep nesting, escapes, control characters, huge
 * scalars, anchors, tags and directives. Each copy starts with a comment line that no mutation
 * touches, so a diagnostic at 1:1 can only be a placeholder, allowed only for problems of a
 * whole file.
 */
class LoaderRobustnessPropertyTest {
  static final Path REAL = Path.of("../../spec/registry");
  static final String HEADER = "# a mutated copy of the registry\n";
  /** Problems of a file as a whole, reported at its start. */
  static final Set<Code> WHOLE_FILE = EnumSet.of(Code.FILE_MISSING, Code.FILE_UNREADABLE,
      Code.FILE_TOO_LARGE, Code.FILE_OUTSIDE, Code.FILE_NOT_REGULAR, Code.EMPTY_FILE,
      Code.UNKNOWN_FILE);
  static Path work;

  /** Ways to damage one file. */
  enum Mutation { DELETE_SPAN, INSERT_NOISE, DUPLICATE_LINE, SWAP_LINES, REPLACE_TOKEN, TRUNCATE, BAD_BYTES }

  /** One damage applied at one place of one file. */
  record Damage(String file, Mutation mutation, int where, int length, String noise) {}

  @BeforeContainer
  static void copyRegistry() throws IOException {
    work = Files.createTempDirectory("registry-mutations");
  }

  @AfterContainer
  static void removeCopy() throws IOException {
    try (var files = Files.walk(work)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 300)
  void mutatedRegistriesEndInDiagnosticsNeverInExceptions(@ForAll("damages") List<Damage> damages)
      throws IOException {
    Path folder = Files.createTempDirectory(work, "case");
    for (String table : RegistryFiles.TABLES) {
      Files.write(folder.resolve(table), concat(HEADER.getBytes(StandardCharsets.UTF_8),
          Files.readAllBytes(REAL.resolve(table))));
    }
    for (Damage damage : damages) {
      Path file = folder.resolve(damage.file());
      byte[] bytes = Files.readAllBytes(file);
      int header = HEADER.length();
      byte[] body = java.util.Arrays.copyOfRange(bytes, header, bytes.length);
      Files.write(file, concat(java.util.Arrays.copyOf(bytes, header), apply(body, damage)));
    }

    List<Diagnostic> diagnostics = RegistryValidator.loadAndValidate(folder).diagnostics();

    for (Diagnostic d : diagnostics) {
      assertThat(d.line()).isPositive();
      assertThat(d.column()).isPositive();
      assertThat(d.message()).isNotBlank();
      assertThat(d.format()).startsWith(folder.toString());
      if (!WHOLE_FILE.contains(d.code())) {
        assertThat(d.line()).as("a placeholder position: " + d.format()).isGreaterThan(1);
      }
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** What a mutation inserts: YAML syntax, registry keys, and the triggers of earlier bugs. */
  static final List<String> NOISE = List.of("- ", ": ", "[", "]", "{", "}", "'", "\"", "~",
      "&a ", "*a", "!!int x", "0x", "99999999999999999999", "\n  - ", "\t", "key: value", "#",
      "|", ">", "?", "name: VHOST_USER_GET_FEATURES", "id: 1", "type: memory", "count: flexible",
      // deep nesting, flow and block
      "[".repeat(3000), "{a: ".repeat(600), "\n" + "  - ".repeat(300) + "x\n",
      "[".repeat(60) + "]".repeat(60),
      // escapes, valid and not
      "\"\\u0000\"", "\"\\x00\\a\\e\"", "\"\\uD800\"", "\"\\U0010FFFF\"", "\"\\q\"",
      "\"\\", "'it''s'",
      // control characters and odd code points
      "\u0000", "\u0007", "\u001b[31m", "\u0085", "\u2028", "\uFEFF", "\r", "\u007f",
      "\uD83D\uDE00",
      // huge scalars
      "x".repeat(200_000), "9".repeat(5000), "0x" + "f".repeat(40), "-" + "9".repeat(30),
      // tags, directives, documents, merge keys, complex keys
      "!!binary AAAA", "!<tag:yaml.org,2002:str> x", "!foo x", "%YAML 1.1\n", "%YAML 2.0\n---\n", "%TAG ! tag:x,\n",
      "\n---\n", "\n...\n", "<<: {a: 1}", "? [a, b]\n: c");

  @Provide
  Arbitrary<List<Damage>> damages() {
    Arbitrary<Damage> one = Combinators.combine(
            Arbitraries.of(RegistryFiles.TABLES),
            Arbitraries.of(Mutation.class),
            Arbitraries.integers().between(0, 1_000_000),
            Arbitraries.integers().between(1, 400),
            Arbitraries.of(NOISE))
        .as(Damage::new);
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  static byte[] apply(byte[] bytes, Damage damage) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int at = text.isEmpty() ? 0 : damage.where() % text.length();
    int end = Math.min(text.length(), at + damage.length());
    List<String> lines = List.of(text.split("\n", -1));
    return switch (damage.mutation()) {
      case DELETE_SPAN -> (text.substring(0, at) + text.substring(end)).getBytes(StandardCharsets.UTF_8);
      case INSERT_NOISE -> (text.substring(0, at) + damage.noise() + text.substring(at))
          .getBytes(StandardCharsets.UTF_8);
      case DUPLICATE_LINE -> {
        int line = damage.where() % lines.size();
        java.util.ArrayList<String> copy = new java.util.ArrayList<>(lines);
        copy.add(line, lines.get(line));
        yield String.join("\n", copy).getBytes(StandardCharsets.UTF_8);
      }
      case SWAP_LINES -> {
        java.util.ArrayList<String> copy = new java.util.ArrayList<>(lines);
        int a = damage.where() % copy.size();
        int b = (a + damage.length()) % copy.size();
        java.util.Collections.swap(copy, a, b);
        yield String.join("\n", copy).getBytes(StandardCharsets.UTF_8);
      }
      case REPLACE_TOKEN -> (text.substring(0, at) + damage.noise() + text.substring(end))
          .getBytes(StandardCharsets.UTF_8);
      case TRUNCATE -> text.substring(0, at).getBytes(StandardCharsets.UTF_8);
      case BAD_BYTES -> {
        byte[] copy = bytes.clone();
        if (copy.length > 0) {
          copy[damage.where() % copy.length] = (byte) (0x80 | (damage.length() & 0x7f));
        }
        yield copy;
      }
    };
  }
}
