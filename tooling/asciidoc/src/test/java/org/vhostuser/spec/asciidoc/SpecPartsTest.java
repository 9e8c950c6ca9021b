package org.vhostuser.spec.asciidoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/** Rendering the specification chapter by chapter gives exactly the HTML of one whole render. */
class SpecPartsTest {
  static final Path SPEC = Path.of("../../spec");

  @TempDir Path temp;

  @Test
  void theRealSpecificationJoinedFromItsPartsEqualsOneWholeRender() throws IOException {
    Registry registry = RegistryValidator.loadAndValidate(SPEC.resolve("registry")).registry();
    Path index = SPEC.resolve("index.adoc");
    List<SpecParts.Part> parts = SpecParts.split(index).orElseThrow();
    assertThat(parts).hasSizeGreaterThan(10);
    assertThat(parts.get(0).name()).isEqualTo("index.adoc");
    assertThat(parts.get(1).name()).isEqualTo("01-introduction.adoc");

    List<SpecRenderer.RenderedPart> rendered =
        SharedRenderer.get().renderParts(index, parts, registry, 2);
    SpecAssembly.Assembled joined = SpecAssembly.join(parts, rendered);

    assertThat(rendered).allSatisfy(part -> assertThat(part.problems()).isEmpty());
    assertThat(joined.problems()).isEmpty();
    assertThat(joined.html()).isEqualTo(SharedRenderer.get().render(index, registry).html());
  }

  @Test
  void numbersContinueAndReferencesAcrossPartsShowTheirTarget() throws IOException {
    Path index = write("index.adoc", """
        = T
        :doctype: book

        [preface]
        == Preface

        See <<second>> and <<third-part>>.

        include::a.adoc[]

        include::b.adoc[]
        """);
    write("a.adoc", "[[first]]\n== First\n\n=== Sub\n\n.One\n|===\n|x\n|===\n\n[[second]]\n== Second *bold*\n\nSee <<third-part>>.\n");
    write("b.adoc", "== Third part\n\n.Two\n|===\n|y\n|===\n\n[appendix]\n== Extra\n\n=== More\n\nBack to <<first>>.\n");
    Registry registry = RegistryValidator.loadAndValidate(SPEC.resolve("registry")).registry();
    List<SpecParts.Part> parts = SpecParts.split(index).orElseThrow();
    SpecAssembly.Assembled joined = SpecAssembly.join(parts,
        SharedRenderer.get().renderParts(index, parts, registry, 1));

    assertThat(joined.html()).isEqualTo(SharedRenderer.get().render(index, registry).html());
    assertThat(joined.html()).contains(">3. Third part<", ">Appendix A: Extra<", ">A.1. More<",
        "Table 2. Two", "<a href=\"#second\">Second <strong>bold</strong></a>", ">First</a>");
    assertThat(joined.partStarts()).hasSize(3).startsWith(0);
  }

  @Test
  void anAnchorDefinedInTwoPartsIsAProblem() throws IOException {
    Path index = write("index.adoc", "= T\n:doctype: book\n\ninclude::a.adoc[]\n\ninclude::b.adoc[]\n");
    write("a.adoc", "[[same]]\n== A\n");
    write("b.adoc", "== B\n\n[[same]]\nText.\n");
    Registry registry = RegistryValidator.loadAndValidate(SPEC.resolve("registry")).registry();
    List<SpecParts.Part> parts = SpecParts.split(index).orElseThrow();
    SpecAssembly.Assembled joined = SpecAssembly.join(parts,
        SharedRenderer.get().renderParts(index, parts, registry, 1));
    assertThat(joined.problems()).containsExactly(
        temp.resolve("b.adoc") + ": anchor 'same' is already defined in a.adoc");
  }

  @Test
  void chaptersThatShareDocumentStateAreNotSplit() throws IOException {
    Path index = write("index.adoc", "= T\n\ninclude::a.adoc[]\n");
    write("a.adoc", "== A\n\nText.footnote:[A note.]\n");
    assertThat(SpecParts.split(index)).isEmpty();
    write("a.adoc", ":product: X\n\n== A\n");
    assertThat(SpecParts.split(index)).isEmpty();
    write("a.adoc", "== A\n\ninclude::b.adoc[]\n");
    write("b.adoc", "Included.\n");
    assertThat(SpecParts.split(index).orElseThrow().get(0).inputs())
        .containsExactly(temp.resolve("a.adoc"), temp.resolve("b.adoc"));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(temp.resolve(name), text);
  }
}
