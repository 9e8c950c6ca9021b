package org.vhostuser.spec.asciidoc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Wrappers that carry nothing are dropped; everything else is kept as written. */
class CompactHtmlTest {
  @Test
  void aParagraphAListItemAndACellWithOneParagraphLoseTheirWrappers() {
    assertThat(CompactHtml.of("<div class=\"paragraph\">\n<p>Text <code>x</code>.</p>\n</div>"))
        .isEqualTo("<p>Text <code>x</code>.</p>");
    assertThat(CompactHtml.of("<ul>\n<li>\n<p>one</p>\n</li>\n</ul>"))
        .isEqualTo("<ul>\n<li>one</li>\n</ul>");
    assertThat(CompactHtml.of("<dd>\n<p>meaning</p>\n</dd>")).isEqualTo("<dd>meaning</dd>");
    assertThat(CompactHtml.of("<td class=\"tableblock halign-left valign-top\">"
        + "<p class=\"tableblock\">a <em>b</em></p></td>")).isEqualTo("<td>a <em>b</em></td>");
  }

  @Test
  void wrappersWithMoreInsideOrWithAttributesAreKept() {
    String nested = "<li>\n<p>one</p>\n<div class=\"ulist\">\n<ul>\n<li>\n<p>two</p>\n</li>\n"
        + "</ul>\n</div>\n</li>";
    assertThat(CompactHtml.of(nested)).isEqualTo("<li>\n<p>one</p>\n<div class=\"ulist\">\n"
        + "<ul>\n<li>two</li>\n</ul>\n</div>\n</li>");
    String twoParagraphs = "<td class=\"tableblock halign-left valign-top\"><p class=\"tableblock\">"
        + "a</p>\n<p class=\"tableblock\">b</p></td>";
    assertThat(CompactHtml.of(twoParagraphs)).isEqualTo(
        "<td><p class=\"tableblock\">a</p>\n<p class=\"tableblock\">b</p></td>");
    String withId = "<div id=\"x\" class=\"paragraph\">\n<p>kept</p>\n</div>";
    assertThat(CompactHtml.of(withId)).isEqualTo(withId);
    assertThat(CompactHtml.of("<td class=\"tableblock halign-right valign-top\">r</td>"))
        .isEqualTo("<td class=\"tableblock halign-right valign-top\">r</td>");
  }

  @Test
  void aLongParagraphCostsNoStack() {
    String words = "word <em>stress</em> ".repeat(50_000);
    assertThat(CompactHtml.of("<div class=\"paragraph\">\n<p>" + words + "</p>\n</div>"))
        .isEqualTo("<p>" + words + "</p>");
  }
}
