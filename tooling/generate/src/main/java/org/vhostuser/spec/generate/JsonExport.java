package org.vhostuser.spec.generate;

import java.util.Comparator;
import java.util.List;
import org.vhostuser.spec.registry.Deprecation;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.FdSpec;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.FeatureTable;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.JsonWriter;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Limit;
import org.vhostuser.spec.registry.NumberRange;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.MessageTable;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Retired;
import org.vhostuser.spec.registry.SourceDocument;

/**
 * The registry as one JSON document: the contract other projects' generators read instead of
 * the prose. Keys come in a fixed order and entries sorted by number or name, so the same
 * registry always gives the same bytes. Its shape is described by
 * {@code spec/registry/schema/export.schema.json}; within one {@link #FORMAT_VERSION} keys are
 * only ever added.
 */
public final class JsonExport {
  /** The major version of the format; bumped only for changes that are not additions. */
  public static final long FORMAT_VERSION = 1;

  private JsonExport() {}

  /** The export of {@code registry}. */
  public static GeneratedFile generate(Registry registry, Provenance provenance) {
    Layouts layouts = Layouts.of(registry);
    JsonWriter json = new JsonWriter().beginObject();
    json.name("format").value("vhost-user-registry");
    json.name("format_version").value(FORMAT_VERSION);
    json.name("spec").beginObject()
        .name("title").value(registry.info().title())
        .name("revision").value(provenance.revision())
        .name("content_sha256").value(provenance.contentSha256())
        .name("sources").beginArray();
    for (SourceDocument source : registry.info().sources()) {
      json.beginObject().name("name").value(source.name())
          .name("repository").value(source.repository()).name("path").value(source.path())
          .name("commit").value(source.commit()).endObject();
    }
    json.endArray().endObject();
    header(json, registry, layouts);
    messages(json, "front_end_messages", registry.frontEnd(), provenance);
    messages(json, "back_end_messages", registry.backEnd(), provenance);
    features(json, "protocol_features", registry.protocolFeatures(), provenance);
    features(json, "virtio_features", registry.virtioFeatures(), provenance);
    payloads(json, registry, layouts);
    enums(json, registry);
    reservedRanges(json, registry);
    json.endObject();
    return new GeneratedFile(Language.JSON.fileName(), json.toString());
  }

  private static void header(JsonWriter json, Registry registry, Layouts layouts) {
    json.name("header").beginObject();
    Payload header = new Payload("header", null, List.of(), null, registry.header().fields(),
        List.of(), null);
    json.name("size").value(layouts.ofFields(header).map(Layouts.PayloadLayout::size).orElse(null));
    json.name("fields");
    fields(json, layouts.ofFields(header).orElseThrow());
    json.name("flags");
    members(json, registry.header().flags());
    json.name("limits").beginArray();
    for (Limit limit : registry.header().limits()) {
      json.beginObject().name("name").value(limit.name()).name("value").value(limit.value())
          .name("summary").value(limit.summary());
      strings(json, "notes", limit.notes());
      json.endObject();
    }
    json.endArray().endObject();
  }

  /** The blocks of numbers set aside in registry.yaml, which no entry may take. */
  private static void reservedRanges(JsonWriter json, Registry registry) {
    json.name("reserved_ranges").beginArray();
    for (NumberRange range : registry.info().reservedRanges()) {
      json.beginObject().name("table").value(range.table()).name("first").value(range.first())
          .name("last").value(range.last()).name("use").value(range.use())
          .name("summary").value(range.summary()).endObject();
    }
    json.endArray();
  }

  private static void messages(JsonWriter json, String key, MessageTable table,
      Provenance provenance) {
    json.name(key).beginArray();
    for (Message m : sorted(table.messages(), Comparator.comparing(Message::id))) {
      json.beginObject()
          .name("name").value(m.name())
          .name("id").value(m.id())
          .name("summary").value(m.summary())
          .name("status").value(m.status().yamlName());
      since(json, provenance.sinceOf(m.direction().yamlName() + " message", m.name()));
      json
          .name("ioctl").value(m.ioctl())
          .name("request").value(name(m.request()))
          .name("reply").value(name(m.reply()))
          .name("replies").value(m.replies().yamlName())
          .name("reply_condition").value(m.replyCondition());
      fds(json, "request_fds", m.requestFds());
      fds(json, "reply_fds", m.replyFds());
      json.name("requires").beginObject();
      refs(json, "protocol", m.requires().protocol());
      refs(json, "virtio", m.requires().virtio());
      json.endObject();
      strings(json, "previous_names", m.previousNames());
      deprecation(json, m.deprecated());
      strings(json, "notes", m.notes());
      json.endObject();
    }
    json.endArray();
    retired(json, key + "_retired", table.retired());
  }

  private static void since(JsonWriter json, String release) {
    if (release != null) {
      json.name("since").value(release);
    }
  }

  private static void features(JsonWriter json, String key, FeatureTable table,
      Provenance provenance) {
    json.name(key).beginArray();
    for (Feature f : sorted(table.features(), Comparator.comparing(Feature::bit))) {
      json.beginObject()
          .name("name").value(f.name())
          .name("bit").value(f.bit())
          .name("summary").value(f.summary())
          .name("status").value(f.status().yamlName());
      since(json, provenance.sinceOf(
          f.kind().name().toLowerCase(java.util.Locale.ROOT) + " feature", f.name()));
      refs(json, "depends_on", f.dependsOn());
      refs(json, "enables", f.enables());
      strings(json, "previous_names", f.previousNames());
      deprecation(json, f.deprecated());
      strings(json, "notes", f.notes());
      json.endObject();
    }
    json.endArray();
    retired(json, key + "_retired", table.retired());
  }

  private static void payloads(JsonWriter json, Registry registry, Layouts layouts) {
    json.name("payloads").beginArray();
    for (Payload p : sorted(registry.payloads(), Comparator.comparing(Payload::name))) {
      Layouts.PayloadLayout layout = layouts.of(p.name()).orElseThrow();
      json.beginObject()
          .name("name").value(p.name())
          .name("summary").value(p.summary())
          .name("size").value(layout.size())
          .name("ends_flexible").value(layout.endsFlexible());
      strings(json, "c_names", p.cNames());
      json.name("fields");
      fields(json, layout);
      strings(json, "notes", p.notes());
      json.endObject();
    }
    json.endArray();
  }

  private static void fields(JsonWriter json, Layouts.PayloadLayout layout) {
    json.beginArray();
    for (Layouts.FieldLayout f : layout.fields()) {
      Field field = f.field();
      json.beginObject()
          .name("name").value(field.name())
          .name("type").value(field.type().name())
          .name("offset").value(f.offset())
          .name("size").value(f.size())
          .name("count").value(field.count())
          .name("flexible").value(field.flexible())
          .name("max_count").value(field.maxCount())
          .name("padding").value(field.padding())
          .name("values").value(name(field.values()))
          .name("summary").value(field.summary());
      strings(json, "notes", field.notes());
      json.endObject();
    }
    json.endArray();
  }

  private static void enums(JsonWriter json, Registry registry) {
    json.name("enums").beginArray();
    for (EnumType e : sorted(registry.enums(), Comparator.comparing(EnumType::name))) {
      json.beginObject()
          .name("name").value(e.name())
          .name("summary").value(e.summary())
          .name("kind").value(e.kind().name().toLowerCase(java.util.Locale.ROOT))
          .name("type").value(e.type());
      json.name("members");
      members(json, e.members());
      strings(json, "notes", e.notes());
      json.endObject();
    }
    json.endArray();
  }

  private static void members(JsonWriter json, List<EnumMember> members) {
    json.beginArray();
    for (EnumMember m : members) {
      json.beginObject()
          .name("name").value(m.name())
          .name("value").value(m.numericValue())
          .name("bit").value(m.bit())
          .name("mask").value(m.mask())
          .name("summary").value(m.summary());
      strings(json, "previous_names", m.previousNames());
      strings(json, "notes", m.notes());
      json.endObject();
    }
    json.endArray();
  }

  private static void retired(JsonWriter json, String key, List<Retired> retired) {
    json.name(key).beginArray();
    for (Retired r : sorted(retired, Comparator.comparing(Retired::number))) {
      json.beginObject().name("number").value(r.number()).name("name").value(r.name())
          .name("reason").value(r.reason()).endObject();
    }
    json.endArray();
  }

  private static void fds(JsonWriter json, String key, FdSpec fds) {
    json.name(key).beginObject()
        .name("min").value(fds == null ? 0L : (long) fds.min())
        .name("max").value(fds == null ? 0L : (long) fds.max())
        .name("what").value(fds == null ? null : fds.what())
        .endObject();
  }

  private static void deprecation(JsonWriter json, Deprecation deprecated) {
    json.name("deprecated");
    if (deprecated == null) {
      json.value((String) null);
      return;
    }
    json.beginObject().name("reason").value(deprecated.reason())
        .name("replacement").value(name(deprecated.replacement())).endObject();
  }

  private static void refs(JsonWriter json, String key, List<Ref> refs) {
    strings(json, key, refs.stream().map(Ref::name).toList());
  }

  private static void strings(JsonWriter json, String key, List<String> values) {
    json.name(key).beginArray();
    values.forEach(json::value);
    json.endArray();
  }

  private static String name(Ref ref) {
    return ref == null ? null : ref.name();
  }

  private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
    return items.stream().sorted(order).toList();
  }
}
