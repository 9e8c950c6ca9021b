package org.vhostuser.spec.asciidoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/** Renders small specifications with the registry macros; one Asciidoctor for the whole class. */
class SpecRendererTest {
  static SpecRenderer renderer;
  static Path spec;
  static Registry registry;

  @TempDir Path temp;

  @BeforeAll
  static void start() throws URISyntaxException {
    renderer = SharedRenderer.get();
    spec = Path.of(SpecRendererTest.class.getResource("/spec").toURI());
    registry = RegistryValidator.loadAndValidate(spec.resolve("registry")).registry();
  }

  @Test
  void rendersCardsTablesAndLinksWithoutAProblem() {
    SpecRenderer.Rendered rendered = renderer.render(spec.resolve("index.adoc"), registry);

    assertThat(rendered.problems()).isEmpty();
    assertThat(rendered.html())
        .contains("id=\"VHOST_USER_GET_FEATURES\"", "id=\"VHOST_USER_PROTOCOL_F_MQ\"",
            "id=\"payload-memory\"", "id=\"payload-memory.num_regions\"", "id=\"enum-iotlb_perm\"",
            "id=\"VHOST_ACCESS_RO\"", "id=\"VHOST_USER_REPLY_MASK\"",
            "<a href=\"#VHOST_USER_GET_FEATURES\" class=\"vu-ref\">VHOST_USER_GET_FEATURES</a>",
            "vu:not_a_macro_here[]");
    assertThat(unresolvedLinks(rendered.html())).isEmpty();
  }

  @Test
  void aRuleOpensWithItsPermalinkAndSourceAndReferencesLinkToIt() throws IOException {
    Path index = Files.writeString(temp.resolve("index.adoc"), String.join("\n", "= T", "",
        "vu-rule:ring-a[qemu=\"Ring states\"] A back-end MUST <stop>.", "",
        "* vu-rule:ring-b[impl=\"QEMU & libvhost-user\"] It MAY.",
        "* vu-rule:ring-c[position=\"a reason & more\"] It SHOULD.", "",
        "See vu-rule-ref:ring-a[] and vu-rule-ref:ring-b[that rule].", ""));
    SpecRenderer.Rendered rendered = renderer.render(index, registry);

    assertThat(rendered.problems()).isEmpty();
    assertThat(rendered.html()).contains(
        "<p><span class=\"vu-rule\" id=\"rule-ring-a\"><a class=\"vu-rule-id\" href=\"#rule-ring-a\">"
            + "ring-a</a><a class=\"vu-rule-source vu-rule-qemu\" href=\"" + RuleHtml.QEMU_MANUAL
            + "#ring-states\">QEMU: Ring states</a></span> A back-end MUST &lt;stop&gt;.</p>",
        "<span class=\"vu-rule-source vu-rule-impl\">implementations: QEMU &amp; libvhost-user</span>",
        "href=\"positions.html#rule-ring-c\" title=\"a reason &amp; more\"",
        "<a class=\"vu-rule-ref\" href=\"#rule-ring-a\">ring-a</a>",
        "<a class=\"vu-rule-ref\" href=\"#rule-ring-b\">that rule</a>");
  }

  @Test
  void sectionAnchorsFollowSphinx() {
    assertThat(RuleHtml.qemuSectionAnchor("Front-end message types")).isEqualTo("front-end-message-types");
    assertThat(RuleHtml.qemuSectionAnchor("Inflight I/O tracking")).isEqualTo("inflight-i-o-tracking");
    assertThat(RuleHtml.qemuSectionAnchor("2. Memory (\"regions\")")).isEqualTo("memory-regions");
  }

  @Test
  void aNameMissingFromTheRegistryIsAProblemOfTheRender() throws IOException {
    Path index = Files.writeString(temp.resolve("index.adoc"),
        "= T\n\nSee vu:VHOST_USER_NOPE[].\n\nvu-message::VHOST_USER_NOPE[]\n");
    SpecRenderer.Rendered rendered = renderer.render(index, registry);
    assertThat(rendered.problems()).containsExactlyInAnyOrder(
        "vu:VHOST_USER_NOPE[] names no registry entry",
        "no message named 'VHOST_USER_NOPE' in the registry");
  }

  @Test
  void anAsciidocWarningIsAProblemOfTheRender() throws IOException {
    Path index = Files.writeString(temp.resolve("index.adoc"),
        "= T\n\n== A\n\n==== Skips a level\n\ninclude::missing.adoc[]\n");
    SpecRenderer.Rendered rendered = renderer.render(index, registry);
    assertThat(rendered.problems()).hasSize(2);
    assertThat(rendered.problems()).anyMatch(p -> p.contains("section title out of sequence"));
    assertThat(rendered.problems()).anyMatch(p -> p.contains(index + ":7: include file not found: "
        + temp.resolve("missing.adoc")));
  }

  /** Every {@code href="#x"} whose {@code id="x"} is missing from the page. */
  static Set<String> unresolvedLinks(String html) {
    Set<String> ids = new TreeSet<>();
    Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(html);
    while (id.find()) {
      ids.add(id.group(1));
    }
    Set<String> missing = new TreeSet<>();
    Matcher href = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
    while (href.find()) {
      if (!ids.contains(href.group(1))) {
        missing.add(href.group(1));
      }
    }
    return missing;
  }
}
