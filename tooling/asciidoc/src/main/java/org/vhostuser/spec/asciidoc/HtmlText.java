package org.vhostuser.spec.asciidoc;

/**
 * Small helpers that write safe HTML the way Asciidoctor's HTML5 converter would: escaped text,
 * monospace names and links to anchors. Used for the registry cards, which are emitted as HTML
 * because parsing them as AsciiDoc was a third of a full render.
 */
final class HtmlText {
  private HtmlText() {}

  /** Text shown exactly as written. */
  static String text(String text) {
    if (text == null) {
      return "";
    }
    return text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A name in monospace. */
  static String code(String name) {
    return "<code>" + text(name) + "</code>";
  }

  /** A link to an anchor of the page, showing a name in monospace. */
  static String link(String anchor, String name) {
    return "<a href=\"#" + text(anchor) + "\">" + code(name) + "</a>";
  }
}
