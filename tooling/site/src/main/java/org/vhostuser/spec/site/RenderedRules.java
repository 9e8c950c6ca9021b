package org.vhostuser.spec.site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of the rendered specification, read back from the HTML the {@code vu-rule} macro
 * writes (a span with the rule's anchor, its id and its source label), so that pages built from
 * kept chapters need no AsciiDoc rendering.
 */
final class RenderedRules {
  private static final Pattern OPENING = Pattern.compile("<span class=\"vu-rule\" id=\"rule-([^\"]+)\">"
      + "<a class=\"vu-rule-id\"[^>]*>[^<]*</a>(<(a|span) class=\"vu-rule-source vu-rule-(qemu|impl|position)\""
      + "(?: href=\"[^\"]*\")?(?: title=\"([^\"]*)\")?>(.*?)</\\3>)</span>", Pattern.DOTALL);
  private static final Pattern HEADING =
      Pattern.compile("<h([2-5]) id=\"([^\"]+)\"[^>]*>(.*?)</h\\1>", Pattern.DOTALL);

  /**
   * One rule as rendered: id, source kind (qemu, impl or position), the source label's HTML, the
   * position's reason (HTML, empty for other kinds), the rule's HTML text, and the section it
   * stands in (anchor and title).
   */
  record RenderedRule(String id, String kind, String sourceHtml, String reason, String textHtml,
      String sectionAnchor, String sectionTitle) {
    /** The rule's text without markup, for search. */
    String plainText() {
      return textHtml.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }
  }

  private RenderedRules() {}

  /** Every rule of {@code specHtml}, in document order. */
  static List<RenderedRule> of(String specHtml) {
    List<RenderedRule> rules = new ArrayList<>();
    Matcher opening = OPENING.matcher(specHtml);
    Matcher heading = HEADING.matcher(specHtml);
    String sectionAnchor = "";
    String sectionTitle = "";
    int headingFrom = 0;
    while (opening.find()) {
      while (heading.find(headingFrom) && heading.start() < opening.start()) {
        sectionAnchor = heading.group(2);
        sectionTitle = heading.group(3).replaceAll("<[^>]+>", "").strip();
        headingFrom = heading.end();
      }
      int end = textEnd(specHtml, opening.end());
      String reason = opening.group(4).equals("position") && opening.group(5) != null
          ? opening.group(5) : "";
      rules.add(new RenderedRule(opening.group(1), opening.group(4), opening.group(2), reason,
          specHtml.substring(opening.end(), end).strip(), sectionAnchor, sectionTitle));
    }
    return rules;
  }

  /**
   * Where a rule's text ends: at the next rule or at the end of its paragraph, list item,
   * description or cell (the last three hold their text without a paragraph, see CompactHtml).
   */
  private static int textEnd(String html, int from) {
    int end = html.length();
    for (String stop : List.of("<span class=\"vu-rule\"", "</p>", "</li>", "</dd>", "</td>")) {
      int at = html.indexOf(stop, from);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return end;
  }
}
