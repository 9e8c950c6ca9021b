package org.vhostuser.spec.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.vhostuser.spec.registry.Anchors;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.FdSpec;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Status;

/**
 * Every message, feature, payload and enum a change adds or changes, written out in full as HEAD
 * has it (number, payloads with their fields and offsets, replies, descriptors, requirements,
 * status), so the review note can be read without the YAML or the rendered site.
 */
final class EntryMarkdown {
  private final Registry registry;
  private final Layouts layouts;
  private final String preview;

  private EntryMarkdown(Registry registry, String preview) {
    this.registry = registry;
    this.layouts = Layouts.of(registry);
    this.preview = preview;
  }

  /** The entries the changes touch, in full; empty when there is none or no HEAD registry. */
  static String write(Registry head, List<Change> changes, String previewUrl) {
    if (head == null) {
      return "";
    }
    EntryMarkdown writer = new EntryMarkdown(head, previewUrl);
    Set<String> names = new LinkedHashSet<>();
    for (Change change : changes) {
      if (change.kind() != Change.Kind.REMOVED) {
        String name = change.subject().name();
        names.add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
      }
    }
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      writer.entry(name).ifPresent(out::append);
    }
    return out.toString();
  }

  private Optional<String> entry(String name) {
    Optional<Message> message = registry.allMessages().filter(m -> name.equals(m.name()))
        .findFirst();
    if (message.isPresent()) {
      return Optional.of(message(message.get()));
    }
    Optional<Feature> feature = registry.allFeatures().filter(f -> name.equals(f.name()))
        .findFirst();
    if (feature.isPresent()) {
      return Optional.of(feature(feature.get()));
    }
    Optional<Payload> payload = registry.payload(name);
    if (payload.isPresent()) {
      return Optional.of(heading("payload", name, null, null, Anchors.payload(name))
          + fields(payload.get()) + "\n");
    }
    return registry.enumType(name).map(this::enumType);
  }

  private String message(Message m) {
    List<String[]> rows = new ArrayList<>();
    rows.add(row("Summary", m.summary()));
    if (m.ioctl() != null) {
      rows.add(row("Kernel ioctl", code(m.ioctl())));
    }
    rows.add(row("Request payload", payload(m.request())));
    rows.add(row("Replies", code(m.replies().yamlName()) + (m.replyCondition() == null ? ""
        : ": " + MarkdownReport.cell(m.replyCondition()))));
    rows.add(row("Reply payload", payload(m.reply())));
    rows.add(row("Descriptors with the request", fds(m.requestFds())));
    if (m.replyFds() != null) {
      rows.add(row("Descriptors with the reply", fds(m.replyFds())));
    }
    rows.add(row("Requires", requirements(m.requires().protocol(), m.requires().virtio())));
    status(rows, m.status(), m.proposal(), m.owner(), m.previousNames());
    m.notes().forEach(n -> rows.add(row("Note", n)));
    StringBuilder out = new StringBuilder(heading(m.direction().yamlName() + " message",
        m.name(), "id", m.id(), m.status() == Status.RESERVED ? null
            : Anchors.constant(m.name())));
    out.append(table(rows));
    for (Ref ref : new Ref[] {m.request(), m.reply()}) {
      if (ref != null) {
        registry.payload(ref.name()).ifPresent(p -> out.append("\n`").append(p.name())
            .append("`:\n\n").append(fields(p)));
      }
    }
    return out.append('\n').toString();
  }

  private String feature(Feature f) {
    List<String[]> rows = new ArrayList<>();
    rows.add(row("Summary", f.summary()));
    rows.add(row("Depends on", names(f.dependsOn())));
    rows.add(row("Enables", names(f.enables())));
    status(rows, f.status(), f.proposal(), f.owner(), f.previousNames());
    f.notes().forEach(n -> rows.add(row("Note", n)));
    return heading(f.kind().name().toLowerCase(java.util.Locale.ROOT) + " feature", f.name(),
        "bit", f.bit(), f.status() == Status.RESERVED ? null : Anchors.constant(f.name()))
        + table(rows) + "\n";
  }

  private String enumType(EnumType e) {
    StringBuilder out = new StringBuilder(heading("enum", e.name(), null, null,
        Anchors.enumType(e.name())));
    out.append(e.summary()).append(" (").append(e.kind().name().toLowerCase(java.util.Locale.ROOT))
        .append(", ").append(code(e.type())).append(")\n\n| Member | Value | Meaning |\n|---|---|---|\n");
    for (EnumMember member : e.members()) {
      out.append("| ").append(code(member.name())).append(" | ")
          .append(member.numericValue() == null ? "" : "0x" + Long.toHexString(member.numericValue()))
          .append(" | ").append(MarkdownReport.cell(member.summary() == null ? "" : member.summary()))
          .append(" |\n");
    }
    return out.append('\n').toString();
  }

  private void status(List<String[]> rows, Status status, String proposal, String owner,
      List<String> previousNames) {
    rows.add(row("Status", code(status.yamlName())));
    if (proposal != null) {
      rows.add(row("Proposal", proposal));
    }
    if (owner != null) {
      rows.add(row("Owner", owner));
    }
    if (!previousNames.isEmpty()) {
      rows.add(row("Previous names", previousNames.stream().map(EntryMarkdown::code)
          .collect(Collectors.joining(", "))));
    }
  }

  private String heading(String kind, String name, String numberWord, Long number, String anchor) {
    StringBuilder out = new StringBuilder("#### ").append(kind).append(" `").append(name)
        .append('`');
    if (numberWord != null) {
      out.append(", ").append(numberWord).append(' ').append(number);
    }
    if (preview != null && anchor != null) { // a reservation has no card to link to
      out.append(" ([rendered](").append(preview).append("index.html#").append(anchor)
          .append("))");
    }
    return out.append("\n\n").toString();
  }

  /** The fields of a payload with their offsets and sizes, as the wire has them. */
  private String fields(Payload payload) {
    Optional<Layouts.PayloadLayout> layout = layouts.of(payload.name());
    if (layout.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("| Offset | Size | Field | Type | Meaning |\n"
        + "|---|---|---|---|---|\n");
    for (Layouts.FieldLayout field : layout.get().fields()) {
      String type = field.field().type() == null ? "" : field.field().type().name();
      if (field.field().flexible()) {
        type += "[]";
      } else if (field.field().count() != null) {
        type += "[" + field.field().count() + "]";
      }
      out.append("| ").append(field.offset()).append(" | ")
          .append(field.field().flexible() ? "variable" : String.valueOf(field.size()))
          .append(" | ").append(code(field.field().name())).append(" | ").append(code(type))
          .append(" | ").append(MarkdownReport.cell(field.field().padding() ? "padding"
              : field.field().summary() == null ? "" : field.field().summary())).append(" |\n");
    }
    return out.append("\nSize: ").append(layout.get().size())
        .append(layout.get().endsFlexible() ? " bytes and the flexible array" : " bytes")
        .append(".\n").toString();
  }

  private String payload(Ref ref) {
    if (ref == null) {
      return "none";
    }
    return code(ref.name()) + layouts.of(ref.name()).map(l -> " (" + l.size()
        + (l.endsFlexible() ? "+" : "") + " bytes)").orElse("");
  }

  private static String fds(FdSpec fds) {
    if (fds == null || fds.max() == 0) {
      return "none";
    }
    return (fds.min() == fds.max() ? String.valueOf(fds.min()) : fds.min() + " to " + fds.max())
        + (fds.what() == null ? "" : ": " + MarkdownReport.cell(fds.what()));
  }

  private static String requirements(List<Ref> protocol, List<Ref> virtio) {
    if (protocol.isEmpty() && virtio.isEmpty()) {
      return "nothing";
    }
    List<String> parts = new ArrayList<>();
    if (!protocol.isEmpty()) {
      parts.add("protocol: " + names(protocol));
    }
    if (!virtio.isEmpty()) {
      parts.add("virtio: " + names(virtio));
    }
    return String.join("; ", parts);
  }

  private static String names(List<Ref> refs) {
    return refs.isEmpty() ? "none" : refs.stream().map(r -> code(r.name()))
        .collect(Collectors.joining(", "));
  }

  private static String[] row(String what, String value) {
    return new String[] {what, value == null ? "" : value};
  }

  private static String table(List<String[]> rows) {
    StringBuilder out = new StringBuilder("| | |\n|---|---|\n");
    for (String[] row : rows) {
      // Values written with code spans are escaped already; plain text is escaped here.
      boolean escaped = row[1].startsWith("`") || row[1].equals("none")
          || row[1].matches("\\d.*");
      out.append("| ").append(row[0]).append(" | ").append(escaped ? row[1]
          : MarkdownReport.cell(row[1])).append(" |\n");
    }
    return out.toString();
  }

  private static String code(String text) {
    return "`" + MarkdownReport.code(text) + "`";
  }
}
