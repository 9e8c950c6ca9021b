package org.vhostuser.spec.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.asciidoc.SpecRenderer;
import org.vhostuser.spec.site.RenderedRules.RenderedRule;

/** The rules read back from a rendered specification, and the positions page made of them. */
class PositionsPageTest {
  @TempDir Path temp;

  @Test
  void readsEachRuleWithItsSourceSectionAndText() throws IOException {
    List<RenderedRule> rules = RenderedRules.of(render());

    assertThat(rules).extracting(RenderedRule::id)
        .containsExactly("ring-a", "ring-b", "ring-c", "ring-d", "ring-e");
    assertThat(rules).extracting(RenderedRule::kind)
        .containsExactly("qemu", "impl", "position", "position", "position");
    assertThat(rules.get(4).plainText()).as("a description holds its text without a paragraph")
        .isEqualTo("It MUST hold.");
    RenderedRule c = rules.get(2);
    assertThat(c.reason()).isEqualTo("a reason &amp; more");
    assertThat(c.sectionAnchor()).isEqualTo("rings");
    assertThat(c.plainText()).isEqualTo("It SHOULD stop.");
    assertThat(rules.get(3).plainText()).isEqualTo("And this MAY follow VHOST_USER_GET_FEATURES.");
    assertThat(rules.get(0).plainText()).isEqualTo("A back-end MUST stop.");
  }

  @Test
  void listsEveryPositionWithItsReasonAndLinksBack() throws IOException {
    Document page = Jsoup.parse(PositionsPage.body(RenderedRules.of(render())));

    assertThat(page.select("dl.vu-positions dt").eachAttr("id"))
        .containsExactly("rule-ring-c", "rule-ring-d", "rule-ring-e");
    Element d = page.getElementById("rule-ring-d");
    assertThat(d.select("a").first().attr("href")).isEqualTo("index.html#rule-ring-d");
    assertThat(d.nextElementSibling().text())
        .isEqualTo("And this MAY follow VHOST_USER_GET_FEATURES. Reason: second reason");
    assertThat(d.nextElementSibling().select("a").attr("href"))
        .isEqualTo("index.html#VHOST_USER_GET_FEATURES");
    assertThat(page.select("p").first().text())
        .contains("Rules by source: 1 from QEMU's text, 1 from implementations' behaviour,"
            + " 3 positions (5 in all).");
  }

  private String render() throws IOException {
    Path index = Files.writeString(temp.resolve("index.adoc"), String.join("\n", "= T",
        ":doctype: book", ":idprefix:", ":idseparator: -", "", "== Rings", "",
        "vu-rule:ring-a[qemu=\"Ring states\"] A back-end MUST stop.", "",
        "* vu-rule:ring-b[impl=\"QEMU\"] It MAY stop.",
        "* vu-rule:ring-c[position=\"a reason & more\"] It SHOULD stop.",
        "vu-rule:ring-d[position=\"second reason\"]",
        "And this MAY follow vu:VHOST_USER_GET_FEATURES[].", "",
        "Term:: vu-rule:ring-e[position=\"in a description\"] It MUST hold.", "",
        "After the list.", ""));
    SpecRenderer renderer = SharedSite.get().renderer;
    SpecRenderer.Rendered rendered = renderer.render(index, SharedSite.get().registry);
    assertThat(rendered.problems()).isEmpty();
    return rendered.html();
  }
}
