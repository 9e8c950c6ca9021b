package org.vhostuser.spec.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * Feeds random prose to the light scanner and the prose rules: includes that are missing,
 * cyclic, nested deep, symbolic links out of the folder or into /proc, a FIFO; broken and
 * unknown macros, fences, passthroughs and script links, control characters, invalid UTF-8,
 * huge lines. Whatever the text, the scan ends quickly in diagnostics with real positions,
 * never in an exception. Every file starts with a title line the generator never writes
 * anything else into, so a diagnostic at 1:1 can only be a placeholder, allowed only for
 * problems of a whole file.
 */
class ProseScannerPropertyTest {
  static final Set<Code> WHOLE_FILE = EnumSet.of(Code.FILE_MISSING, Code.FILE_UNREADABLE,
      Code.FILE_TOO_LARGE, Code.FILE_OUTSIDE, Code.FILE_NOT_REGULAR);
  static final List<String> CHAPTERS = List.of("a.adoc", "b.adoc", "c.adoc");
  static final byte[] BAD_UTF8 = {(byte) 0xc3, (byte) 0x28};

  /** What a line of the random prose is made of. */
  static final List<String> PIECES = List.of(
      "include::a.adoc[]", "include::b.adoc[leveloffset=+1]", "include::c.adoc[]",
      "include::index.adoc[]", "include::missing.adoc[]", "include::[]", "include::a.adoc",
      "include::../outside.adoc[]", "include::out.adoc[]", "include::env.adoc[]",
      "include::fifo.adoc[]", "include::dir[]",
      "vu:VHOST_USER_GET_FEATURES[]", "vu:[]", "vu:VHOST_USER_NOPE[]", "vu:VHOST_USER_SET_OWNER",
      "vu-message::VHOST_USER_SET_OWNER[]", "vu-feature::VHOST_USER_PROTOCOL_F_MQ[]",
      "vu-payload::vring_state[]", "vu-bogus::x[]", "vu-message::[]",
      "<<VHOST_USER_GET_FEATURES>>", "VHOST_USER_GET_FEATURES (1)",
      "----", "....", "////", "// a comment", "++++", "[pass]", "[subs=none]", "[source,c]",
      "+++<script>x</script>+++", "pass:[<b>]", "pass:c[<b>]", "link:javascript:alert(1)[x]",
      "image::data:image/svg+xml,x[]", ":evil: javascript:x", "link:++java script:x++[y]",
      "\u0000", "\u001b[2J", "\u0085", "\uFEFF", "\r", "\t",
      "x".repeat(100_000), "[".repeat(5_000), "vu:" + "A".repeat(50_000),
      "== Section", "|===", "a|b", "plain words");

  static Path work;
  static Registry registry;

  @BeforeContainer
  static void prepare() throws IOException {
    work = Files.createTempDirectory("prose-mutations");
    registry = RegistryValidator.loadAndValidate(Path.of("../../spec/registry")).registry();
  }

  @AfterContainer
  static void remove() throws IOException {
    try (var files = Files.walk(work)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 200)
  void randomProseEndsInDiagnosticsWithRealPositions(
      @ForAll("files") List<List<String>> files) throws Exception {
    Path folder = Files.createDirectories(Files.createTempDirectory(work, "case")
        .resolve("spec"));
    Files.writeString(folder.resolveSibling("outside.adoc"), "secret\n");
    Files.createSymbolicLink(folder.resolve("out.adoc"), folder.resolveSibling("outside.adoc"));
    Files.createSymbolicLink(folder.resolve("env.adoc"), Path.of("/proc/self/environ"));
    Files.createDirectories(folder.resolve("dir"));
    Process mkfifo = new ProcessBuilder("mkfifo", folder.resolve("fifo.adoc").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Path index = folder.resolve("index.adoc");
    Files.write(index, text("= Specification", files.get(0)));
    for (int i = 0; i < CHAPTERS.size(); i++) {
      Files.write(folder.resolve(CHAPTERS.get(i)), text("== Chapter " + i, files.get(i + 1)));
    }

    List<Diagnostic> diagnostics = CompletableFuture.supplyAsync(() -> {
      Diagnostics out = new Diagnostics();
      ProseIndex scanned = ProseScanner.scan(index, out);
      List<Diagnostic> all = new ArrayList<>(out.sorted());
      all.addAll(ProseRules.check(registry, scanned));
      all.addAll(AllowedMarkup.check(scanned, index));
      return all;
    }).get(30, TimeUnit.SECONDS);

    for (Diagnostic d : diagnostics) {
      assertThat(d.line()).isPositive();
      assertThat(d.column()).isPositive();
      assertThat(d.message()).isNotBlank().doesNotContain("secret");
      if (!WHOLE_FILE.contains(d.code()) && d.file().startsWith(folder)) {
        assertThat(d.line()).as("a placeholder position: " + d.format()).isGreaterThan(1);
      }
    }
  }

  @Provide
  Arbitrary<List<List<String>>> files() {
    Arbitrary<String> line = Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(3)
        .map(pieces -> String.join(" ", pieces));
    Arbitrary<String> lineOrBadBytes = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, line), net.jqwik.api.Tuple.of(1, Arbitraries.just("BAD")));
    return lineOrBadBytes.list().ofMaxSize(30).list().ofSize(1 + CHAPTERS.size());
  }

  /** A file: its first line, then the lines; "BAD" stands for bytes that are not UTF-8. */
  private static byte[] text(String first, List<String> lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write((first + "\n").getBytes(StandardCharsets.UTF_8));
    for (String line : lines) {
      bytes.write(line.equals("BAD") ? BAD_UTF8 : line.getBytes(StandardCharsets.UTF_8));
      bytes.write('\n');
    }
    return bytes.toByteArray();
  }
}
