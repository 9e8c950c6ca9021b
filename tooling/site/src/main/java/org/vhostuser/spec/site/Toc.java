package org.vhostuser.spec.site;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of contents of the specification page, built from its numbered headings: a list
 * that folds (open beside the text on wide screens, closed after the title on narrow ones).
 */
final class Toc {
  private static final Pattern HEADING =
      Pattern.compile("<h([23]) id=\"([^\"]+)\"[^>]*>(.*?)</h\\1>", Pattern.DOTALL);

  private Toc() {}

  /** A nested list of the level-2 and level-3 headings, linking to their anchors. */
  static String of(String html) {
    StringBuilder toc = new StringBuilder(
        "<nav id=\"toc\" aria-label=\"Contents\">\n<details>\n<summary>Contents</summary>\n<ul>\n");
    Matcher heading = HEADING.matcher(html);
    boolean inSub = false;
    boolean first = true;
    while (heading.find()) {
      String title = heading.group(3).replaceAll("<[^>]+>", "").strip();
      String item = "<li><a href=\"#" + heading.group(2) + "\">" + title + "</a>";
      if (heading.group(1).equals("2")) {
        if (inSub) {
          toc.append("</ul>");
          inSub = false;
        }
        if (!first) {
          toc.append("</li>\n");
        }
        toc.append(item);
      } else {
        if (!inSub) {
          toc.append("\n<ul>");
          inSub = true;
        }
        toc.append(item).append("</li>");
      }
      first = false;
    }
    if (inSub) {
      toc.append("</ul>");
    }
    if (!first) {
      toc.append("</li>\n");
    }
    return toc.append("</ul>\n</details>\n</nav>\n").toString();
  }
}
