package org.vhostuser.spec.site;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vhostuser.spec.site.RenderedRules.RenderedRule;

/**
 * The positions page: every rule whose source is a position of this specification (neither
 * QEMU's text nor implementations settle it), with its reason and a link to where it stands,
 * and how many rules come from each kind of source.
 */
final class PositionsPage {
  private PositionsPage() {}

  /** The page body for the rules of the rendered specification. */
  static String body(List<RenderedRule> rules) {
    Map<String, Integer> counts = new TreeMap<>();
    rules.forEach(rule -> counts.merge(rule.kind(), 1, Integer::sum));
    List<RenderedRule> positions = rules.stream().filter(r -> r.kind().equals("position")).toList();
    StringBuilder html = new StringBuilder("<h1>Positions of this specification</h1>\n");
    html.append("<p>Every normative statement of the specification is a rule with a permalink and"
        + " one source: QEMU's <code>docs/interop/vhost-user.rst</code>, the behaviour of"
        + " implementations, or a position this specification takes. Rules by source: ")
        .append(counts.getOrDefault("qemu", 0)).append(" from QEMU's text, ")
        .append(counts.getOrDefault("impl", 0)).append(" from implementations' behaviour, ")
        .append(positions.size()).append(" positions (").append(rules.size())
        .append(" in all). The positions are listed here, each with its reason; where"
            + " the sources contradict each other, the <a href=\"index.html#clarifications\">"
            + "clarifications</a> appendix explains the choice.</p>\n");
    html.append("<dl class=\"vu-positions\">\n");
    for (RenderedRule rule : positions) {
      html.append("<dt id=\"rule-").append(rule.id()).append("\"><a href=\"index.html#rule-")
          .append(rule.id()).append("\"><code>").append(rule.id()).append("</code></a>");
      if (!rule.sectionTitle().isEmpty()) {
        html.append(" <span class=\"vu-position-section\">in <a href=\"index.html#")
            .append(rule.sectionAnchor()).append("\">").append(rule.sectionTitle())
            .append("</a></span>");
      }
      html.append("</dt>\n<dd><p>").append(rule.textHtml().replace("href=\"#", "href=\"index.html#"))
          .append("</p>\n<p class=\"vu-position-reason\">Reason: ").append(rule.reason())
          .append("</p></dd>\n");
    }
    return html.append("</dl>\n").toString();
  }
}
