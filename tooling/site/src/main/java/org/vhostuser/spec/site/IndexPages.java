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
    return "<td>" + (release == null ? "&#8211;" : Html.escape(release)) + "</td>";
  }

  String messages() {
    StringBuilder html = new StringBuilder("<h1>Messages</h1>\n<p>Every request of the protocol,"
        + " in both directions. Select a name to read its card in the specification.</p>\n");
    html.append("<div class=\"index-filter\">")
        .append(filter("direction", "Direction", List.of("front-end", "back-end")))
        .append(filter("status", "Status", List.of("stable", "deprecated", "proposed", "reserved")))
        .append("<label hidden data-filter=\"requires\">Requires <input type=\"text\""
            + " data-filter=\"requires\" placeholder=\"feature name\" hidden></label>")
        .append("</div>\n");
    html.append("<table class=\"vu-sortable vu-messages\">\n<thead><tr>"
        + "<th data-sort=\"text\">Direction</th><th data-sort=\"number\">Id</th>"
        + "<th data-sort=\"text\">Message</th><th>Summary</th><th data-sort=\"text\">Status</th>"
        + "<th>Requires</th><th data-sort=\"text\">Since</th></tr></thead>\n<tbody>\n");
    registry.messageTables().forEach(table -> table.messages().stream()
        .sorted(Comparator.comparing(Message::id))
        .forEach(m -> {
          String requires = requirements(m);
          html.append("<tr data-direction=\"").append(table.direction().yamlName())
              .append("\" data-status=\"").append(m.status().yamlName())
              .append("\" data-requires=\"").append(Html.escape(requires)).append("\">")
              .append("<td>").append(table.direction().yamlName()).append("</td>")
              .append("<td data-value=\"").append(m.id()).append("\">").append(m.id())
              .append("</td><td>").append(entryLink(m.name(), m.status()))
              .append("</td><td>").append(Html.escape(m.summary())).append("</td>")
              .append("<td class=\"status-").append(m.status().yamlName()).append("\">")
              .append(m.status().yamlName()).append("</td><td>").append(Html.escape(requires))
              .append("</td>").append(since(table.direction().yamlName() + " message", m.name()))
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
          .append("</h2>\n<table class=\"vu-sortable\">\n<thead><tr><th data-sort=\"number\">Bit"
              + "</th><th data-sort=\"text\">Feature</th><th>Summary</th><th data-sort=\"text\">"
              + "Status</th><th>Enables</th><th data-sort=\"text\">Since</th></tr></thead>\n"
              + "<tbody>\n");
      table.features().stream().sorted(Comparator.comparing(Feature::bit)).forEach(f ->
          html.append("<tr><td data-value=\"").append(f.bit()).append("\">").append(f.bit())
              .append("</td><td>").append(entryLink(f.name(), f.status()))
              .append("</td><td>").append(Html.escape(f.summary())).append("</td><td class=\"status-")
              .append(f.status().yamlName()).append("\">").append(f.status().yamlName())
              .append("</td><td>").append(f.enables().stream()
                  .map(r -> link(Anchors.constant(r.name()), r.name()))
                  .collect(Collectors.joining(", ")))
              .append("</td>").append(since(kind + " feature", f.name())).append("</tr>\n"));
      html.append("</tbody>\n</table>\n");
    }
    return html.toString();
  }

  String payloads() {
    Layouts layouts = Layouts.of(registry);
    StringBuilder html = new StringBuilder("<h1>Payloads</h1>\n<p>Every payload layout, with its"
        + " size on the wire. Select a name for its fields, offsets and sizes.</p>\n"
        + "<table class=\"vu-sortable\">\n<thead><tr><th data-sort=\"text\">Payload</th>"
        + "<th data-sort=\"number\">Size</th><th>Summary</th><th>Used by</th></tr></thead>\n"
        + "<tbody>\n");
    for (Payload p : registry.payloads()) {
      Layouts.PayloadLayout layout = layouts.of(p.name()).orElseThrow();
      String usedBy = registry.allMessages()
          .filter(m -> refers(m.request(), p) || refers(m.reply(), p))
          .map(m -> link(Anchors.constant(m.name()), m.name()))
          .collect(Collectors.joining(", "));
      html.append("<tr><td>").append(link(Anchors.payload(p.name()), p.name()))
          .append("</td><td data-value=\"").append(layout.size()).append("\">")
          .append(layout.size()).append(layout.endsFlexible() ? " + variable" : "")
          .append("</td><td>").append(Html.escape(p.summary())).append("</td><td>")
          .append(usedBy).append("</td></tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
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
    return "<label hidden data-filter=\"" + key + "\">" + label + " <select data-filter=\"" + key
        + "\" hidden><option value=\"\">all</option>" + values.stream()
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
