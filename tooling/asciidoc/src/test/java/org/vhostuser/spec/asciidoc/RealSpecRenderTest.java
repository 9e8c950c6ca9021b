package org.vhostuser.spec.asciidoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Status;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/** The real specification renders with no warning, no unknown name and no broken link. */
class RealSpecRenderTest {
  static final Path SPEC = Path.of("../../spec");

  @Test
  void rendersWithoutAnyProblem() {
    Registry registry = RegistryValidator.loadAndValidate(SPEC.resolve("registry")).registry();
    SpecRenderer.Rendered rendered =
        SharedRenderer.get().render(SPEC.resolve("index.adoc"), registry);

    assertThat(rendered.problems()).isEmpty();
    assertThat(SpecRendererTest.unresolvedLinks(rendered.html())).isEmpty();
    // Every entry in use has its card; a reservation has none until its proposal adds it.
    registry.allMessages().filter(m -> m.status() != Status.RESERVED).forEach(m ->
        assertThat(rendered.html()).contains("id=\"" + m.name() + "\""));
    registry.allFeatures().filter(f -> f.status() != Status.RESERVED).forEach(f ->
        assertThat(rendered.html()).contains("id=\"" + f.name() + "\""));
  }
}
