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

  /**
   * Escaped HTML (or text) made a sentence, so it can stand next to other sentences: the first
   * letter in upper case when the first word is an ordinary lower-case word (never a name such as
   * {@code log_guest_addr}), and a full stop at the end unless it already ends a sentence.
   * Blank text gives "".
   */
  static String sentence(String html) {
    String s = html == null ? "" : html.strip();
    if (s.isEmpty()) {
      return "";
    }
    if (s.matches("[a-z][a-z-]*(?=[\\s,;:.]|$)[\\s\\S]*")) {
      s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
    char last = s.charAt(s.length() - 1);
    return last == '.' || last == '!' || last == '?' ? s : s + ".";
  }

  /** Sentences joined by one space, blank ones left out. */
  static String sentences(String... sentences) {
    StringBuilder joined = new StringBuilder();
    for (String sentence : sentences) {
      String s = sentence(sentence);
      if (!s.isEmpty()) {
        joined.append(joined.length() == 0 ? "" : " ").append(s);
      }
    }
    return joined.toString();
  }

  /**
   * A link to an anchor of the page, showing a name in monospace: the markup of the prose's
   * {@code vu:NAME[]} links (one element, not a link around a {@code code} element).
   */
  static String link(String anchor, String name) {
    return "<a href=\"#" + text(anchor) + "\" class=\"vu-ref\">" + text(name) + "</a>";
  }
}
