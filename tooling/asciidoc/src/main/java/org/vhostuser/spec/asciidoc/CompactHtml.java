package org.vhostuser.spec.asciidoc;

import java.util.regex.Pattern;

/**
 * Asciidoctor's HTML with the wrappers that carry nothing dropped: a paragraph's
 * {@code <div class="paragraph">}, the {@code <p>} inside a list item, a description or a table
 * cell that holds
 * one paragraph only, and the default alignment classes of table cells. The text, the ids and
 * every other attribute are kept. The specification page has a quarter fewer elements, which is
 * what a browser (and an accessibility checker) spends its time on.
 */
final class CompactHtml {
  /**
   * Content with no paragraph end inside (a paragraph never holds another), matched text run by
   * text run so that long paragraphs cost no stack.
   */
  private static final String ONE_PARAGRAPH = "([^<]*+(?:<(?!/p>)[^<]*+)*+)";
  private static final Pattern PARAGRAPH =
      Pattern.compile("<div class=\"paragraph\">\\n<p>" + ONE_PARAGRAPH + "</p>\\n</div>");
  private static final Pattern LIST_ITEM =
      Pattern.compile("<(li|dd)>\\n<p>" + ONE_PARAGRAPH + "</p>\\n</\\1>");
  private static final Pattern CELL = Pattern.compile(
      "<(td|th) class=\"tableblock halign-left valign-top\"><p class=\"tableblock\">"
          + ONE_PARAGRAPH + "</p></\\1>");
  private static final Pattern PLAIN_CELL =
      Pattern.compile("<(td|th) class=\"tableblock halign-left valign-top\">");

  private CompactHtml() {}

  static String of(String html) {
    String compact = PARAGRAPH.matcher(html).replaceAll("<p>$1</p>");
    compact = LIST_ITEM.matcher(compact).replaceAll("<$1>$2</$1>");
    compact = CELL.matcher(compact).replaceAll("<$1>$2</$1>");
    return PLAIN_CELL.matcher(compact).replaceAll("<$1>");
  }
}
