package org.vhostuser.spec.asciidoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import org.vhostuser.spec.registry.Anchors;
import org.vhostuser.spec.registry.Direction;
import org.vhostuser.spec.registry.EnumKind;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.FdSpec;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.FeatureTable;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Limit;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.MessageTable;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Primitive;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Replies;
import org.vhostuser.spec.registry.Status;

/**
 * Writes registry facts for the prose: message and feature cards (as HTML), and the tables of
 * messages, features, payload layouts, enums, the header and the limits (as AsciiDoc). Pure functions of the model, so
 * the output can be tested without starting Asciidoctor.
 */
final class RegistryAsciidoc {
  private final Registry registry;
  private final Layouts layouts;
  private final Map<String, String> releases;

  /** {@code releases} gives the first release of a message or feature by name, when known. */
  RegistryAsciidoc(Registry registry, Map<String, String> releases) {
    this.registry = registry;
    this.layouts = Layouts.of(registry);
    this.releases = releases;
  }

  RegistryAsciidoc(Registry registry) {
    this(registry, Map.of());
  }

  /** The "Since" row of a card, when the entry's first release is known. */
  private void since(List<String> rows, String name) {
    String release = releases.get(name);
    if (release != null) {
      rows.add(row("Since", HtmlText.text(release)));
    }
  }

  /** The card of one message, as HTML: its summary and every fact about it. */
  String messageCard(Message m) {
    List<String> rows = new ArrayList<>();
    rows.add(row("Id", String.valueOf(m.id())));
    rows.add(row("Sent by", m.direction() == Direction.FRONT_END
        ? "the front-end, on the main socket" : "the back-end, on the back-end channel"));
    if (m.ioctl() != null) {
      rows.add(row("Kernel equivalent", HtmlText.code(m.ioctl())));
    }
    rows.add(row("Request payload", payload(m.request())));
    rows.add(row("Request file descriptors", fds(m.requestFds())));
    rows.add(row("Reply", replies(m)));
    rows.add(row("Reply payload", m.replies() == Replies.NEVER ? "none" : payload(m.reply())));
    rows.add(row("Reply file descriptors", fds(m.replyFds())));
    rows.add(row("Requires", requirements(m)));
    if (!m.previousNames().isEmpty()) {
      rows.add(row("Previous names", codes(m.previousNames())));
    }
    rows.add(row("Status", status(m.status(), m.deprecated() == null ? null
        : m.deprecated().replacement(), m.deprecated() == null ? null : m.deprecated().reason())));
    since(rows, m.name());
    return card(Anchors.constant(m.name()), m.name(), m.summary(), "vu-message", rows);
  }

  /** The card of one feature, as HTML. */
  String featureCard(Feature f) {
    List<String> rows = new ArrayList<>();
    rows.add(row("Bit", String.valueOf(f.bit())));
    rows.add(row("Negotiated with", f.kind().name().equals("PROTOCOL")
        ? constant("VHOST_USER_GET_PROTOCOL_FEATURES") + ", "
            + constant("VHOST_USER_SET_PROTOCOL_FEATURES")
        : constant("VHOST_USER_GET_FEATURES") + ", " + constant("VHOST_USER_SET_FEATURES")));
    rows.add(row("Depends on", refs(f.dependsOn())));
    rows.add(row("Enables", refs(f.enables())));
    if (!f.previousNames().isEmpty()) {
      rows.add(row("Previous names", codes(f.previousNames())));
    }
    rows.add(row("Status", status(f.status(), f.deprecated() == null ? null
        : f.deprecated().replacement(), f.deprecated() == null ? null : f.deprecated().reason())));
    since(rows, f.name());
    return card(Anchors.constant(f.name()), f.name(), f.summary(), "vu-feature", rows);
  }

  /** Every message of one direction, by id. */
  List<String> messagesTable(MessageTable table) {
    List<String> lines = new ArrayList<>();
    lines.add(".All " + table.direction().yamlName() + " messages");
    lines.add("[.vu-index,cols=\"1,4,6,1\",options=\"header\"]");
    lines.add("|===");
    lines.add("|Id |Message |Summary |Status");
    table.messages().stream()
        .sorted(java.util.Comparator.comparing(Message::id, java.util.Comparator.nullsLast(Long::compare)))
        .forEach(m -> lines.add("|" + m.id() + " |" + Adoc.link(Anchors.constant(m.name()), m.name())
            + " |" + Adoc.cell(m.summary()) + " |" + m.status().yamlName()));
    lines.add("|===");
    return lines;
  }

  /** Every feature of one space, by bit. */
  List<String> featuresTable(FeatureTable table) {
    List<String> lines = new ArrayList<>();
    lines.add(".All " + table.kind().name().toLowerCase(Locale.ROOT) + " features");
    lines.add("[.vu-index,cols=\"1,5,6,1\",options=\"header\"]");
    lines.add("|===");
    lines.add("|Bit |Feature |Summary |Status");
    table.features().stream()
        .sorted(java.util.Comparator.comparing(Feature::bit, java.util.Comparator.nullsLast(Long::compare)))
        .forEach(f -> lines.add("|" + f.bit() + " |" + Adoc.link(Anchors.constant(f.name()), f.name())
            + " |" + Adoc.cell(f.summary()) + " |" + f.status().yamlName()));
    lines.add("|===");
    return lines;
  }

  /** A payload's layout: offset, size, field, type and meaning of every field. */
  List<String> payloadTable(Payload payload) {
    Layouts.PayloadLayout layout = layouts.of(payload.name()).orElseThrow(
        () -> new IllegalStateException("payload " + payload.name() + " has no layout"));
    List<String> lines = new ArrayList<>();
    lines.add("[#" + Anchors.payload(payload.name()) + ".vu-payload]");
    lines.add("." + Adoc.code(payload.name()) + ": " + size(layout));
    lines.add("[cols=\"1,1,3,3,6\",options=\"header\"]");
    lines.add("|===");
    lines.add("|Offset |Size |Field |Type |Meaning");
    for (Layouts.FieldLayout f : layout.fields()) {
      Field field = f.field();
      String meaning = Adoc.cell(field.summary());
      if (field.values() != null) {
        meaning += (meaning.isEmpty() ? "" : " ") + "Values: "
            + Adoc.link(Anchors.enumType(field.values().name()), field.values().name()) + ".";
      }
      if (field.padding()) {
        meaning = "Padding; senders write zero, receivers ignore it." + (meaning.isEmpty() ? "" : " " + meaning);
      }
      lines.add("|" + f.offset() + " |" + (field.flexible() ? "variable" : f.size()) + " |"
          + Adoc.anchored(Anchors.field(payload.name(), field.name()), field.name()) + " |"
          + type(field) + " |" + meaning);
    }
    lines.add("|===");
    lines.add("");
    lines.add(Adoc.text(payload.summary()));
    return lines;
  }

  /** An enum's members and their values. */
  List<String> enumTable(EnumType type) {
    List<String> lines = new ArrayList<>();
    lines.add("[#" + Anchors.enumType(type.name()) + ".vu-enum]");
    lines.add("." + Adoc.code(type.name()) + ": " + (type.kind() == EnumKind.FLAGS
        ? "bits of a " : "values of a ") + Adoc.code(type.type()));
    lines.add("[cols=\"4,2,6\",options=\"header\"]");
    lines.add("|===");
    lines.add("|Name |" + (type.kind() == EnumKind.FLAGS ? "Bit or mask" : "Value") + " |Meaning");
    for (EnumMember member : type.members()) {
      lines.add("|" + Adoc.anchored(Anchors.constant(member.name()), member.name()) + " |"
          + number(member) + " |" + Adoc.cell(member.summary()));
    }
    lines.add("|===");
    lines.add("");
    lines.add(Adoc.text(type.summary()));
    return lines;
  }

  /** The header fields with their offsets, then its flag bits. */
  List<String> headerTables() {
    List<String> lines = new ArrayList<>();
    Payload header = new Payload("header", null, List.of(), null, registry.header().fields(),
        List.of(), null);
    Layouts.PayloadLayout layout = layouts.ofFields(header).orElseThrow();
    lines.add("[#vu-header-fields.vu-payload]");
    lines.add(".Message header: " + size(layout));
    lines.add("[cols=\"1,1,3,3,6\",options=\"header\"]");
    lines.add("|===");
    lines.add("|Offset |Size |Field |Type |Meaning");
    for (Layouts.FieldLayout f : layout.fields()) {
      lines.add("|" + f.offset() + " |" + f.size() + " |" + Adoc.anchored("header-" + f.field().name(),
          f.field().name()) + " |" + type(f.field()) + " |" + Adoc.cell(f.field().summary()));
    }
    lines.add("|===");
    lines.add("");
    lines.add("[#vu-header-flags.vu-enum]");
    lines.add(".Bits of the header's " + Adoc.code("flags") + " field");
    lines.add("[cols=\"4,2,6\",options=\"header\"]");
    lines.add("|===");
    lines.add("|Name |Bit or mask |Meaning");
    for (EnumMember flag : registry.header().flags()) {
      lines.add("|" + Adoc.anchored(Anchors.constant(flag.name()), flag.name()) + " |" + number(flag)
          + " |" + Adoc.cell(flag.summary()));
    }
    lines.add("|===");
    return lines;
  }

  /** The protocol-wide limits and constants. */
  List<String> limitsTable() {
    List<String> lines = new ArrayList<>();
    lines.add("[#vu-limits.vu-enum]");
    lines.add(".Protocol limits and constants");
    lines.add("[cols=\"4,2,6\",options=\"header\"]");
    lines.add("|===");
    lines.add("|Name |Value |Meaning");
    for (Limit limit : registry.header().limits()) {
      lines.add("|" + Adoc.anchored(Anchors.constant(limit.name()), limit.name()) + " |"
          + limit.value() + " |" + Adoc.cell(limit.summary()));
    }
    lines.add("|===");
    return lines;
  }

  /**
   * Every note recorded in the registry, grouped by the entry it belongs to, in table order:
   * the raw material of the clarifications appendix, so no recorded disagreement is left out.
   * HTML in the markup Asciidoctor gives a description list of bullet lists.
   */
  String notesList() {
    StringBuilder html = new StringBuilder();
    registry.allMessages().forEach(m -> notes(html, Anchors.constant(m.name()), m.name(), m.notes()));
    registry.allFeatures().forEach(f -> notes(html, Anchors.constant(f.name()), f.name(), f.notes()));
    registry.payloads().forEach(p -> {
      notes(html, Anchors.payload(p.name()), p.name(), p.notes());
      p.fields().forEach(f -> notes(html, Anchors.field(p.name(), f.name()),
          p.name() + "." + f.name(), f.notes()));
    });
    registry.enums().forEach(e -> {
      notes(html, Anchors.enumType(e.name()), e.name(), e.notes());
      e.members().forEach(m -> notes(html, Anchors.constant(m.name()), m.name(), m.notes()));
    });
    registry.header().flags().forEach(f -> notes(html, Anchors.constant(f.name()), f.name(), f.notes()));
    registry.header().limits().forEach(l -> notes(html, Anchors.constant(l.name()), l.name(), l.notes()));
    return html.toString().strip();
  }

  private static void notes(StringBuilder html, String anchor, String name, List<String> notes) {
    if (notes.isEmpty()) {
      return;
    }
    html.append("<div class=\"dlist vu-notes\">\n<dl>\n<dt class=\"hdlist1\">")
        .append(HtmlText.link(anchor, name)).append("</dt>\n<dd>\n<div class=\"ulist\">\n<ul>\n");
    for (String note : notes) {
      html.append("<li>\n<p>").append(HtmlText.text(note)).append("</p>\n</li>\n");
    }
    html.append("</ul>\n</div>\n</dd>\n</dl>\n</div>\n");
  }

  /**
   * A card in the markup Asciidoctor gives a titled sidebar holding a two-column table, so the
   * site's styles, scripts and tests see the same page as before cards became HTML.
   */
  private static String card(
      String anchor, String name, String summary, String role, List<String> rows) {
    StringBuilder html = new StringBuilder();
    html.append("<div id=\"").append(HtmlText.text(anchor)).append("\" class=\"sidebarblock vu-card ")
        .append(role).append("\">\n<div class=\"content\">\n<div class=\"title\">")
        .append(HtmlText.code(name)).append("</div>\n");
    if (summary != null && !summary.isBlank()) {
      html.append("<div class=\"paragraph\">\n<p>").append(HtmlText.text(summary))
          .append("</p>\n</div>\n");
    }
    html.append("<table class=\"tableblock frame-none grid-rows stretch vu-facts\">\n<colgroup>\n"
        + "<col style=\"width: 25%;\">\n<col style=\"width: 75%;\">\n</colgroup>\n<tbody>\n");
    rows.forEach(html::append);
    return html.append("</tbody>\n</table>\n</div>\n</div>").toString();
  }

  private static String row(String label, String value) {
    return "<tr>\n<th class=\"tableblock halign-left valign-top\"><p class=\"tableblock\">"
        + label + "</p></th>\n<td class=\"tableblock halign-left valign-top\"><p class=\"tableblock\">"
        + value + "</p></td>\n</tr>\n";
  }

  private String payload(Ref ref) {
    return ref == null ? "none" : HtmlText.link(Anchors.payload(ref.name()), ref.name());
  }

  private static String fds(FdSpec fds) {
    if (fds == null || fds.max() == 0) {
      return "none";
    }
    String count = fds.min() == fds.max() ? String.valueOf(fds.max())
        : fds.min() + " to " + fds.max();
    return count + (fds.what() == null ? "" : ": " + HtmlText.text(fds.what()));
  }

  private String replies(Message m) {
    if (m.replies() == null) {
      return "";
    }
    return switch (m.replies()) {
      case ALWAYS -> "always";
      case CONDITIONAL -> "only " + HtmlText.text(m.replyCondition());
      case REPLY_ACK -> "only a status reply, when " + constant("VHOST_USER_PROTOCOL_F_REPLY_ACK")
          + " was negotiated and " + constant("VHOST_USER_NEED_REPLY_MASK") + " is set";
      case NEVER -> "never";
    };
  }

  /** A link to a constant the registry defines, or just its name in monospace when it does not. */
  private String constant(String name) {
    boolean known = registry.allMessages().anyMatch(m -> name.equals(m.name()))
        || registry.allFeatures().anyMatch(f -> name.equals(f.name()))
        || registry.header().flags().stream().anyMatch(f -> name.equals(f.name()));
    return known ? HtmlText.link(Anchors.constant(name), name) : HtmlText.code(name);
  }

  private String requirements(Message m) {
    List<Ref> all = new ArrayList<>(m.requires().protocol());
    all.addAll(m.requires().virtio());
    return refs(all);
  }

  private static String refs(List<Ref> refs) {
    return refs.isEmpty() ? "nothing" : refs.stream()
        .map(r -> HtmlText.link(Anchors.constant(r.name()), r.name()))
        .collect(Collectors.joining(", "));
  }

  private static String codes(List<String> names) {
    return names.stream().map(HtmlText::code).collect(Collectors.joining(", "));
  }

  private static String status(Status status, Ref replacement, String reason) {
    String text = status.yamlName();
    if (replacement != null) {
      text += "; use " + HtmlText.link(Anchors.constant(replacement.name()), replacement.name());
    }
    if (reason != null && !reason.isBlank()) {
      text += "; " + HtmlText.text(reason);
    }
    return text;
  }

  private String type(Field field) {
    String name = field.type().name();
    String type = Primitive.named(name).isPresent() ? Adoc.code(name)
        : Adoc.link(Anchors.payload(name), name);
    if (field.flexible()) {
      return type + "[] (flexible" + (field.maxCount() == null ? "" : ", at most "
          + field.maxCount()) + ")";
    }
    return field.count() == null ? type : type + "[" + field.count() + "]";
  }

  private static String size(Layouts.PayloadLayout layout) {
    return layout.endsFlexible()
        ? layout.size() + " bytes, then a variable-length array"
        : layout.size() + " bytes";
  }

  private static String number(EnumMember member) {
    if (member.value() != null) {
      return String.valueOf(member.value());
    }
    if (member.bit() != null) {
      return "bit " + member.bit();
    }
    return member.mask() == null ? "" : "mask 0x" + Long.toHexString(member.mask());
  }
}
