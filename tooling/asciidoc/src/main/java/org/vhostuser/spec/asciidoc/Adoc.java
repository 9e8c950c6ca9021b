package org.vhostuser.spec.asciidoc;

/** Small helpers that write safe AsciiDoc: literal text, monospace names, links, table cells. */
final class Adoc {
  private Adoc() {}

  /** Text shown exactly as written: no AsciiDoc formatting applies to it. */
  static String text(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    return "pass:c[" + text.strip().replace("]", "\\]") + "]";
  }

  /** Text for a table cell: as {@link #text}, with the cell separator escaped. */
  static String cell(String text) {
    return text(text).replace("|", "\\|");
  }

  /** A name in monospace, taken literally. */
  static String code(String name) {
    return "`+" + name + "+`";
  }

  /**
   * A link to an anchor of the page, showing a name in monospace. A plain link, not an xref:
   * cards are HTML, so Asciidoctor's catalog does not know their anchors; the site's link check
   * verifies every anchor instead.
   */
  static String link(String anchor, String name) {
    return "link:#" + anchor + "[" + code(name) + "]";
  }

  /** An inline anchor placed before a name, so a table row can be linked to. */
  static String anchored(String anchor, String name) {
    return "[[" + anchor + "]]" + code(name);
  }
}
