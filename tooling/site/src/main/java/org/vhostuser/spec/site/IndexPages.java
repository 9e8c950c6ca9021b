package org.vhostuser.spec.site;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vhostuser.spec.history.Changelog;
import org.vhostuser.spec.registry.Anchors;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.FeatureTable;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.Registry;

/**
 * The index pages generated from the registry: all messages (sortable, and filterable by
 * direction, status and required feature when scripts run), all features, all payloads. Each
 * row links to the entry's permalink in the specification.
 */
final class IndexPages {
  private final Registry registry;
  private final Map<String, String> since;

  /** Index pages of {@code registry}; {@code since} gives each entry's first release, if known. */
  IndexPages(Registry registry, Map<String, String> since) {
    this.registry = registry;
    this.since = since;
  }

  /** The "Since" cell of an entry: its first release, or a dash before any release has it. */
  private String since(String kind, String name) {
    String release = since.get(Changelog.key(kind, name));
    return "<td class=\"more since\" data-label=\"since\">"
        + (release == null ? "&#8211;" : Html.escape(release)) + "</td>";
  }

  String messages() {
    StringBuilder html = new StringBuilder("<h1>Messages</h1>\n<p>Every request of the protocol,"
        + " in both directions. Select a name to read its card in the specification.</p>\n");
    html.append("<div class=\"index-filter needs-script\">")
        .append(filter("direction", "Direction", List.of("front-end", "back-end")))
        .append(filter("status", "Status", List.of("stable", "deprecated", "proposed", "reserved")))
        .append("<label>Requires <input type=\"text\" data-filter=\"requires\""
            + " placeholder=\"feature name\"></label>")
        .append("<span class=\"index-count\" role=\"status\"></span></div>\n");
    html.append("<table class=\"vu-sortable vu-messages\">\n<thead><tr>")
        .append(head("text", "Direction")).append(head("number", "Id"))
        .append(head("text", "Message")).append("<th>Summary</th>")
        .append(head("text", "Status")).append(head("text", "Since"))
        .append("</tr></thead>\n<tbody>\n");
    registry.messageTables().forEach(table -> table.messages().stream()
        .sorted(Comparator.comparing(Message::id))
        .forEach(m -> {
          String requires = requirements(m);
          String direction = table.direction().yamlName();
          html.append("<tr data-direction=\"").append(direction)
              .append("\" data-status=\"").append(m.status().yamlName())
              .append("\" data-requires=\"").append(Html.escape(requires)).append("\">")
              .append("<td class=\"more\">").append(direction).append("</td>")
              .append(number(m.id()))
              .append("<td class=\"name\">").append(entryLink(m.name(), m.status()))
              .append("</td>")
              .append(summary(m.summary(), "Requires", java.util.stream.Stream.concat(
                  m.requires().protocol().stream(), m.requires().virtio().stream())
                  .map(r -> link(Anchors.constant(r.name()), r.name())).toList()))
              .append(status(m.status().yamlName()))
              .append(since(direction + " message", m.name()))
              .append("</tr>\n");
        }));
    return html.append("</tbody>\n</table>\n").toString();
  }

  String features() {
    StringBuilder html = new StringBuilder("<h1>Features</h1>\n<p>The protocol feature bits"
        + " negotiated with GET/SET_PROTOCOL_FEATURES, and the virtio and vhost feature bits the"
        + " protocol relies on.</p>\n");
    for (FeatureTable table : registry.featureTables()) {
      String kind = table.kind().name().toLowerCase(java.util.Locale.ROOT);
      html.append("<h2 id=\"").append(kind).append("-features\">")
          .append(kind.equals("protocol") ? "Protocol features" : "Virtio features")
          .append("</h2>\n<table class=\"vu-sortable\">\n<thead><tr>")
          .append(head("number", "Bit")).append(head("text", "Feature"))
          .append("<th>Summary</th>").append(head("text", "Status"))
          .append(head("text", "Since")).append("</tr></thead>\n<tbody>\n");
      table.features().stream().sorted(Comparator.comparing(Feature::bit)).forEach(f ->
          html.append("<tr>").append(number(f.bit()))
              .append("<td class=\"name\">").append(entryLink(f.name(), f.status()))
              .append("</td>")
              .append(summary(f.summary(), "Enables", f.enables().stream()
                  .map(r -> link(Anchors.constant(r.name()), r.name())).toList()))
              .append(status(f.status().yamlName()))
              .append(since(kind + " feature", f.name())).append("</tr>\n"));
      html.append("</tbody>\n</table>\n");
    }
    return html.toString();
  }

  String payloads() {
    Layouts layouts = Layouts.of(registry);
    StringBuilder html = new StringBuilder("<h1>Payloads</h1>\n<p>Every payload layout, with its"
        + " size on the wire. Select a name for its fields, offsets and sizes.</p>\n"
        + "<table class=\"vu-sortable\">\n<thead><tr>" + head("text", "Payload")
        + head("number", "Size") + "<th>Summary</th></tr></thead>\n<tbody>\n");
    for (Payload p : registry.payloads()) {
      Layouts.PayloadLayout layout = layouts.of(p.name()).orElseThrow();
      List<String> usedBy = registry.allMessages()
          .filter(m -> refers(m.request(), p) || refers(m.reply(), p))
          .map(m -> link(Anchors.constant(m.name()), m.name()))
          .toList();
      html.append("<tr><td class=\"name\">").append(link(Anchors.payload(p.name()), p.name()))
          .append("</td><td class=\"more\" data-label=\"size\" data-value=\"")
          .append(layout.size()).append("\">")
          .append(layout.size()).append(layout.endsFlexible() ? " + variable" : "")
          .append("</td>").append(summary(p.summary(), "Used by", usedBy)).append("</tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }

  /** A sortable column head: a button that sorts by the column ({@code kind} text or number). */
  private static String head(String kind, String label) {
    return "<th data-sort=\"" + kind + "\"><button type=\"button\" class=\"sort\">" + label
        + "</button></th>";
  }

  private static String number(long value) {
    return "<td class=\"number\" data-value=\"" + value + "\">" + value + "</td>";
  }

  private static String status(String status) {
    return "<td class=\"more status-" + status + "\">" + status + "</td>";
  }

  /** The summary cell, with a line naming the related entries (when there are any). */
  private static String summary(String summary, String label, List<String> links) {
    return "<td class=\"summary\">" + Html.escape(summary) + (links.isEmpty() ? ""
        : "<span class=\"row-more\">" + label + ": " + String.join(", ", links) + "</span>")
        + "</td>";
  }

  private static boolean refers(Ref ref, Payload payload) {
    return ref != null && ref.name().equals(payload.name());
  }

  private static String requirements(Message m) {
    return java.util.stream.Stream.concat(m.requires().protocol().stream(),
            m.requires().virtio().stream())
        .map(Ref::name).collect(Collectors.joining(" "));
  }

  private static String filter(String key, String label, List<String> values) {
    return "<label>" + label + " <select data-filter=\"" + key
        + "\"><option value=\"\">all</option>" + values.stream()
            .map(v -> "<option>" + v + "</option>").collect(Collectors.joining()) + "</select></label>";
  }

  /** A message or feature linked to its card; a reservation has no card, so only its name. */
  private static String entryLink(String name, org.vhostuser.spec.registry.Status status) {
    return status == org.vhostuser.spec.registry.Status.RESERVED
        ? "<code>" + Html.escape(name) + "</code>" : link(Anchors.constant(name), name);
  }

  static String link(String anchor, String name) {
    return "<a class=\"vu-ref\" href=\"index.html#" + Html.escape(anchor) + "\">"
        + Html.escape(name) + "</a>";
  }
}
