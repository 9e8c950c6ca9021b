package org.vhostuser.spec.site;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The height each section of the specification page is given while a phone's browser skips
 * laying it out ({@code content-visibility: auto} in {@code site.css}): an upper bound of its
 * real height on the narrowest screen the site supports (320 px), estimated from its text, so
 * a skipped section never looks shorter than it is (a shorter placeholder would let its content
 * overlap the next section for anyone asking where elements are, such as an accessibility
 * checker). Written on each {@code div.sect2} as the custom property {@code --vu-height}.
 *
 * <p>The estimate: about 0.95 px of height per character of text (a 16 px line of 26 px holds
 * some 30 characters at 320 px, less in a card or a table cell), 20 px per block (the margins,
 * padding and the partly filled last line of a paragraph, list item, table cell, caption or
 * heading), 24 px per line of preformatted text (which does not wrap) and 60 px per section,
 * and a quarter more for fonts wider than the one measured (DejaVu Sans). The browser test
 * checks the bound against the real heights of every section at 320 and 390 px.
 */
final class SectionPlaceholders {
  static final String OPENING = "<div class=\"sect2\">";
  private static final Pattern MARK = Pattern.compile(
      "(?<=<div class=\"sect2\") style=\"--vu-height:\\d+px\"");
  private static final Pattern DIV = Pattern.compile("<div[ >]|</div>");
  private static final Pattern BLOCK = Pattern.compile(
      "<(?:p|li|tr|th|td|h[2-6]|caption|dt|dd|pre)[ >]|class=\"title\"");
  private static final Pattern PRE = Pattern.compile("<pre[^>]*>(.*?)</pre>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]+;");

  private SectionPlaceholders() {}

  /** {@code html} with the placeholder height written on every level-2 section. */
  static String mark(String html) {
    StringBuilder out = new StringBuilder(html.length() + 4096);
    int from = 0;
    int start;
    while ((start = html.indexOf(OPENING, from)) >= 0) {
      int end = end(html, start);
      out.append(html, from, start).append("<div class=\"sect2\" style=\"--vu-height:")
          .append(height(html.substring(start, end))).append("px\">");
      from = start + OPENING.length();
    }
    return out.append(html, from, html.length()).toString();
  }

  /**
   * How many characters {@link #mark} added to {@code page} between {@code from} and
   * {@code to}, so an offset in the page can be traced back to the text it was made from.
   */
  static int added(String page, int from, int to) {
    Matcher mark = MARK.matcher(page);
    mark.region(from, Math.min(to, page.length()));
    int added = 0;
    while (mark.find()) {
      added += mark.end() - mark.start();
    }
    return added;
  }

  /** The estimated upper bound, in CSS pixels at 320 px, of the section {@code html}. */
  static long height(String html) {
    long blocks = BLOCK.matcher(html).results().count();
    long preLines = 0;
    Matcher pre = PRE.matcher(html);
    while (pre.find()) {
      preLines += pre.group(1).lines().count();
    }
    String text = ENTITY.matcher(TAG.matcher(html).replaceAll(" ")).replaceAll("x")
        .replaceAll("\\s+", " ").strip();
    double pixels = 0.95 * text.length() + 20 * blocks + 24 * preLines + 60;
    return Math.round(Math.ceil(pixels * 1.25 / 10) * 10);
  }

  /** Where the div opened at {@code start} ends (after its closing tag), or the end of text. */
  private static int end(String html, int start) {
    Matcher div = DIV.matcher(html);
    div.region(start, html.length());
    int depth = 0;
    while (div.find()) {
      depth += div.group().startsWith("</") ? -1 : 1;
      if (depth == 0) {
        return div.end();
      }
    }
    return html.length();
  }
}
