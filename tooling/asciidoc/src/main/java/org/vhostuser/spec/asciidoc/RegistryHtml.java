package org.vhostuser.spec.asciidoc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.vhostuser.spec.registry.Anchors;
import org.vhostuser.spec.registry.Deprecation;
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
 * Writes registry facts for the prose as HTML, in exactly the markup Asciidoctor gives the same
 * content written in AsciiDoc: message and feature cards, the tables of messages, features,
 * payload layouts, enums, the header and the limits, and the notes list. Parsing them as
 * AsciiDoc was over half of a full render. Pure functions of the model, so the output can be
 * tested without starting Asciidoctor.
 */
final class RegistryHtml {
  private static final String PAYLOAD_COLUMNS = columns(1, 1, 3, 3, 6);
  private static final List<String> PAYLOAD_HEAD = List.of("Offset", "Size", "Field", "Type", "Meaning");
  private static final String ENUM_COLUMNS = columns(4, 2, 6);
  private static final String INDEX_COLUMNS_MESSAGES = columns(1, 4, 6, 1);
  private static final String INDEX_COLUMNS_FEATURES = columns(1, 5, 6, 1);

  private final Registry registry;
  private final Layouts layouts;
  private final Map<String, String> releases;

  /** {@code releases} gives the first release of a message or feature by name, when known. */
  RegistryHtml(Registry registry, Map<String, String> releases) {
    this.registry = registry;
    this.layouts = Layouts.of(registry);
    this.releases = releases;
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
    return card(m.name(), m.summary(), "vu-message", rows, m.previousNames(), m.status(),
        m.deprecated());
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
    return card(f.name(), f.summary(), "vu-feature", rows, f.previousNames(), f.status(),
        f.deprecated());
  }

  /**
   * A card of a message or feature: {@code rows}, then the rows every card ends with (previous
   * names, status, first release).
   */
  private String card(String name, String summary, String role, List<String> rows,
      List<String> previousNames, Status status, Deprecation deprecated) {
    if (!previousNames.isEmpty()) {
      rows.add(row("Previous names", codes(previousNames)));
    }
    rows.add(row("Status", status(status, deprecated == null ? null : deprecated.replacement(),
        deprecated == null ? null : deprecated.reason())));
    since(rows, name);
    return card(Anchors.constant(name), name, summary, role, rows);
  }

  /** Every message of one direction, by id. */
  String messagesTable(MessageTable table, IntSupplier tableNumber) {
    List<List<String>> rows = table.messages().stream()
        .sorted(Comparator.comparing(Message::id, Comparator.nullsLast(Long::compare)))
        .map(m -> indexRow(m.id(), m.name(), m.summary(), m.status()))
        .toList();
    return table(null, "vu-index", caption(tableNumber, "All " + table.direction().yamlName()
        + " messages"), INDEX_COLUMNS_MESSAGES, List.of("Id", "Message", "Summary", "Status"), rows);
  }

  /** Every feature of one space, by bit. */
  String featuresTable(FeatureTable table, IntSupplier tableNumber) {
    List<List<String>> rows = table.features().stream()
        .sorted(Comparator.comparing(Feature::bit, Comparator.nullsLast(Long::compare)))
        .map(f -> indexRow(f.bit(), f.name(), f.summary(), f.status()))
        .toList();
    return table(null, "vu-index", caption(tableNumber, "All "
        + table.kind().name().toLowerCase(Locale.ROOT) + " features"), INDEX_COLUMNS_FEATURES,
        List.of("Bit", "Feature", "Summary", "Status"), rows);
  }

  /**
   * A row of an index table: number, name (linked to its card; a reservation has none),
   * summary and status.
   */
  private static List<String> indexRow(Long number, String name, String summary, Status status) {
    return List.of(String.valueOf(number), status == Status.RESERVED ? HtmlText.code(name)
        : HtmlText.link(Anchors.constant(name), name), HtmlText.text(summary), status.yamlName());
  }

  /** A payload's layout (offset, size, field, type and meaning of every field), then its summary. */
  String payloadTable(Payload payload, IntSupplier tableNumber) {
    Layouts.PayloadLayout layout = layouts.of(payload.name()).orElseThrow(
        () -> new IllegalStateException("payload " + payload.name() + " has no layout"));
    List<List<String>> rows = new ArrayList<>();
    for (Layouts.FieldLayout f : layout.fields()) {
      Field field = f.field();
      String meaning = HtmlText.sentences(HtmlText.text(field.summary()),
          field.values() == null ? "" : "Values: "
              + HtmlText.link(Anchors.enumType(field.values().name()), field.values().name()),
          field.padding() ? "Padding; senders write zero, receivers ignore it" : "");
      rows.add(List.of(String.valueOf(f.offset()), field.flexible() ? "variable" : String.valueOf(f.size()),
          anchored(Anchors.field(payload.name(), field.name()), field.name()), type(field), meaning));
    }
    return table(Anchors.payload(payload.name()), "vu-payload", caption(tableNumber,
        HtmlText.link(Anchors.payload(payload.name()), payload.name()) + ": " + size(layout)),
        PAYLOAD_COLUMNS, PAYLOAD_HEAD, rows)
        + paragraph(payload.summary());
  }

  /** An enum's members and their values, then its summary. */
  String enumTable(EnumType type, IntSupplier tableNumber) {
    boolean flags = type.kind() == EnumKind.FLAGS;
    List<List<String>> rows = type.members().stream()
        .map(m -> List.of(anchored(Anchors.constant(m.name()), m.name()), number(m),
            HtmlText.text(m.summary())))
        .toList();
    return table(Anchors.enumType(type.name()), "vu-enum", caption(tableNumber,
        HtmlText.link(Anchors.enumType(type.name()), type.name()) + ": "
            + (flags ? "bits of a " : "values of a ")
            + HtmlText.code(type.type())), ENUM_COLUMNS,
        List.of("Name", flags ? "Bit or mask" : "Value", "Meaning"), rows)
        + paragraph(type.summary());
  }

  /** The header fields with their offsets, then its flag bits. */
  String headerTables(IntSupplier tableNumber) {
    Payload header = new Payload("header", null, List.of(), null, registry.header().fields(),
        List.of(), null);
    Layouts.PayloadLayout layout = layouts.ofFields(header).orElseThrow();
    List<List<String>> fields = layout.fields().stream()
        .map(f -> List.of(String.valueOf(f.offset()), String.valueOf(f.size()),
            anchored("header-" + f.field().name(), f.field().name()), type(f.field()),
            HtmlText.text(f.field().summary())))
        .toList();
    String fieldTable = table("vu-header-fields", "vu-payload",
        caption(tableNumber, "Message header: " + size(layout)), PAYLOAD_COLUMNS, PAYLOAD_HEAD, fields);
    List<List<String>> bits = registry.header().flags().stream()
        .map(f -> List.of(anchored(Anchors.constant(f.name()), f.name()), number(f),
            HtmlText.text(f.summary())))
        .toList();
    return fieldTable + "\n" + table("vu-header-flags", "vu-enum",
        caption(tableNumber, "Bits of the header&#8217;s " + HtmlText.code("flags") + " field"),
        ENUM_COLUMNS, List.of("Name", "Bit or mask", "Meaning"), bits);
  }

  /** The protocol-wide limits and constants. */
  String limitsTable(IntSupplier tableNumber) {
    List<List<String>> rows = registry.header().limits().stream()
        .map(l -> List.of(anchored(Anchors.constant(l.name()), l.name()), String.valueOf(l.value()),
            HtmlText.text(l.summary())))
        .toList();
    return table("vu-limits", "vu-enum", caption(tableNumber, "Protocol limits and constants"),
        ENUM_COLUMNS, List.of("Name", "Value", "Meaning"), rows);
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
   * A card in the markup Asciidoctor gives a titled sidebar holding a two-column table of label
   * and value (without the column widths and cell paragraphs, which the site's style does not
   * need); the title is the card's permalink.
   */
  private static String card(
      String anchor, String name, String summary, String role, List<String> rows) {
    StringBuilder html = new StringBuilder();
    html.append("<div id=\"").append(HtmlText.text(anchor)).append("\" class=\"sidebarblock vu-card ")
        .append(role).append("\">\n<div class=\"content\">\n<div class=\"title\">")
        .append(HtmlText.link(anchor, name)).append("</div>\n");
    if (summary != null && !summary.isBlank()) {
      html.append("<div class=\"paragraph\">\n<p>").append(HtmlText.text(summary))
          .append("</p>\n</div>\n");
    }
    html.append("<table class=\"tableblock frame-none grid-rows stretch vu-facts\">\n<tbody>\n");
    rows.forEach(html::append);
    return html.append("</tbody>\n</table>\n</div>\n</div>").toString();
  }

  private static String row(String label, String value) {
    return "<tr>\n<th>" + label + "</th>\n<td>" + value + "</td>\n</tr>\n";
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
      case CONDITIONAL -> conditional(HtmlText.text(m.replyCondition()));
      case REPLY_ACK -> "only a status reply, when " + constant("VHOST_USER_PROTOCOL_F_REPLY_ACK")
          + " was negotiated and " + constant("VHOST_USER_NEED_REPLY_MASK") + " is set";
      case NEVER -> "never";
    };
  }

  /**
   * The reply of a message that replies on a condition: "only when ..." when the condition is
   * a clause that continues the phrase, else "conditional." followed by the condition's sentence.
   */
  private static String conditional(String condition) {
    return condition.matches("(when|if|unless|after|before|while|once)\\b[\\s\\S]*")
        ? "only " + condition : HtmlText.sentences("conditional", condition);
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
    if (replacement == null && (reason == null || reason.isBlank())) {
      return status.yamlName();
    }
    String use = replacement == null ? ""
        : "; use " + HtmlText.link(Anchors.constant(replacement.name()), replacement.name())
            + " instead";
    return HtmlText.sentences(status.yamlName() + use, HtmlText.text(reason));
  }

  private String type(Field field) {
    String name = field.type().name();
    String type = Primitive.named(name).isPresent() ? HtmlText.code(name)
        : HtmlText.link(Anchors.payload(name), name);
    if (field.flexible()) {
      return type + "[] (flexible" + (field.maxCount() == null ? "" : ", at most "
          + field.maxCount()) + ")";
    }
    return field.count() == null ? type : type + "[" + field.count() + "]";
  }

  /**
   * A name in monospace with an anchor before it, so a table row can be linked to; the name is a
   * link to that anchor, the row's permalink.
   */
  private static String anchored(String anchor, String name) {
    return "<a id=\"" + HtmlText.text(anchor) + "\"></a>" + HtmlText.link(anchor, name);
  }

  /** A table title, numbered from the document's table counter when it numbers tables. */
  private static String caption(IntSupplier tableNumber, String title) {
    int number = tableNumber.getAsInt();
    return number > 0 ? "Table " + number + ". " + title : title;
  }

  /**
   * A titled table with a header row, in the markup Asciidoctor gives one written with
   * {@code [#id.role,cols="...",options="header"]}; {@code id} may be null.
   */
  private static String table(String id, String role, String caption, String columns,
      List<String> head, List<List<String>> rows) {
    StringBuilder html = new StringBuilder("<table");
    if (id != null) {
      html.append(" id=\"").append(HtmlText.text(id)).append('"');
    }
    html.append(" class=\"tableblock frame-all grid-all stretch ").append(role).append("\">\n")
        .append("<caption class=\"title\">").append(caption).append("</caption>\n")
        .append(columns).append("<thead>\n<tr>\n");
    head.forEach(h -> html.append("<th class=\"tableblock halign-left valign-top\">").append(h)
        .append("</th>\n"));
    html.append("</tr>\n</thead>\n<tbody>\n");
    for (List<String> row : rows) {
      html.append("<tr>\n");
      for (String cell : row) {
        html.append("<td class=\"tableblock halign-left valign-top\">");
        if (!cell.isEmpty()) {
          html.append("<p class=\"tableblock\">").append(cell).append("</p>");
        }
        html.append("</td>\n");
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>").toString();
  }

  /** A paragraph of text after a table, as Asciidoctor writes one; nothing for no text. */
  private static String paragraph(String text) {
    String escaped = HtmlText.text(text);
    return escaped.isEmpty() ? "" : "\n<div class=\"paragraph\">\n<p>" + escaped + "</p>\n</div>";
  }

  /**
   * The column group of a table whose columns have the given relative widths, as Asciidoctor
   * computes it: each width a percentage cut to four decimals, the last column taking the rest.
   */
  private static String columns(int... weights) {
    int total = java.util.Arrays.stream(weights).sum();
    StringBuilder html = new StringBuilder("<colgroup>\n");
    BigDecimal used = BigDecimal.ZERO;
    for (int i = 0; i < weights.length; i++) {
      BigDecimal width = i < weights.length - 1
          ? BigDecimal.valueOf(weights[i] * 100L).divide(BigDecimal.valueOf(total), 4, RoundingMode.DOWN)
          : BigDecimal.valueOf(100).subtract(used);
      used = used.add(width);
      html.append("<col style=\"width: ").append(width.stripTrailingZeros().toPlainString())
          .append("%;\">\n");
    }
    return html.append("</colgroup>\n").toString();
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
