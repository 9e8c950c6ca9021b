package org.vhostuser.spec.site;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vhostuser.spec.registry.Anchors;
import org.vhostuser.spec.registry.Quirk;
import org.vhostuser.spec.registry.Quirks;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.WireRules;

/**
 * The conformance page: which implementations and versions the repository's tests check against
 * real traffic, the rules checked on that traffic (met, or broken by a recorded quirk), and the
 * quirks of every named implementation with their sources. Read from {@code quirks.yaml} and
 * {@code wire-rules.yaml}.
 */
final class ConformancePage {
  private ConformancePage() {}

  /** The page body. */
  static String body(Registry registry) {
    SortedSet<String> rules = WireRules.citedRules(registry);
    Quirks quirks = registry.quirks();
    StringBuilder html = new StringBuilder("<h1>Conformance</h1>\n<p>The <code>vhost-spec</code>"
        + " wire tools check vhost-user traffic against the rules of this specification:"
        + " <code>trace record</code> sits between a real front-end and back-end,"
        + " <code>probe</code> drives a back-end, <code>stub-backend</code> answers a front-end,"
        + " and <code>trace check</code> checks a recorded transcript. Every finding cites the"
        + " rule it breaks. The tests below run in CI on every merge request, with real"
        + " implementations from Debian's packages; a test fails when the traffic breaks a rule"
        + " that no quirk listed here explains, and when a listed quirk no longer shows.</p>\n");
    html.append("<h2 id=\"checked\">Implementations checked</h2>\n");
    if (quirks.checked().isEmpty()) {
      html.append("<p>None yet.</p>\n");
    } else {
      html.append("<table>\n<thead><tr><th>Implementation</th><th>Side</th><th>Versions</th>"
          + "<th>How the tests drive it</th><th>Rules checked on its traffic</th></tr></thead>\n"
          + "<tbody>\n");
      for (Quirks.Checked checked : quirks.checked()) {
        List<Quirk> own = quirks.entries().stream()
            .filter(q -> q.implementation().equals(checked.implementation())).toList();
        SortedSet<String> broken = new TreeSet<>();
        own.stream().filter(q -> checked.versions().stream().anyMatch(q::covers))
            .forEach(q -> broken.add(q.rule()));
        html.append("<tr id=\"").append(Html.escape(anchor(checked))).append("\"><td>")
            .append(Html.escape(checked.implementation())).append("</td><td>")
            .append(checked.side().yamlName()).append("</td><td>")
            .append(Html.escape(String.join(", ", checked.versions()))).append("</td><td>")
            .append(Html.escape(checked.how())).append(" (<code>").append(Html.escape(
                checked.test())).append("</code>)</td><td>");
        html.append(rules.size() - broken.size()).append(" of ").append(rules.size())
            .append(" met");
        if (!broken.isEmpty()) {
          html.append("; known quirks on ");
          html.append(String.join(", ", broken.stream().map(ConformancePage::ruleLink).toList()));
        }
        html.append("</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }
    html.append("<h2 id=\"rules\">Rules the checks cite</h2>\n<p>");
    html.append(String.join(", ", rules.stream().map(ConformancePage::ruleLink).toList()));
    html.append("</p>\n<h2 id=\"quirks\">Recorded quirks</h2>\n");
    if (quirks.entries().isEmpty()) {
      html.append("<p>None.</p>\n");
      return html.toString();
    }
    html.append("<p>Known deviations of named implementations. <code>vhost-spec trace check"
        + " --implementation NAME@VERSION</code> reports a finding one of them explains as a note"
        + " instead of an error.</p>\n<table>\n<thead><tr><th>Implementation</th><th>Side</th>"
        + "<th>Versions</th><th>Rule</th><th>Message</th><th>What it does</th><th>Source</th>"
        + "</tr></thead>\n<tbody>\n");
    for (Quirk q : quirks.entries()) {
      html.append("<tr><td>").append(Html.escape(q.implementation())).append("</td><td>")
          .append(q.side().yamlName()).append("</td><td>").append(Html.escape(range(q)))
          .append("</td><td>").append(ruleLink(q.rule())).append("</td><td>");
      if (q.message() != null) {
        html.append("<a href=\"index.html#").append(Html.escape(
            Anchors.constant(q.message().name()))).append("\"><code>")
            .append(Html.escape(q.message().name())).append("</code></a>");
      }
      html.append("</td><td>").append(Html.escape(q.does())).append("</td><td>");
      if (q.source() != null) {
        Quirk.Source s = q.source();
        html.append("<code>").append(Html.escape(s.repository())).append("</code> <code>")
            .append(Html.escape(s.path())).append("</code>");
        if (s.function() != null) {
          html.append(" <code>").append(Html.escape(s.function())).append("</code>");
        }
        html.append(" at <code>").append(Html.escape(s.commit().substring(0,
            Math.min(12, s.commit().length())))).append("</code>");
      }
      html.append("</td></tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }

  private static String ruleLink(String id) {
    return "<a href=\"index.html#rule-" + Html.escape(id) + "\"><code>" + Html.escape(id)
        + "</code></a>";
  }

  private static String anchor(Quirks.Checked checked) {
    return "checked-" + checked.implementation() + "-" + checked.side().yamlName();
  }

  private static String range(Quirk q) {
    if (q.since() == null && q.until() == null) {
      return "all known";
    }
    if (q.until() == null) {
      return q.since() + " and later";
    }
    if (q.since() == null) {
      return "before " + q.until();
    }
    return q.since() + " up to " + q.until() + " (excluded)";
  }
}
