package org.vhostuser.spec.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vhostuser.spec.registry.EnumKind;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.FeatureTable;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Limit;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.MessageTable;
import org.vhostuser.spec.registry.NumberRange;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Primitive;
import org.vhostuser.spec.registry.Registry;

/**
 * One self-contained C header in a profile's style, using only {@code <stddef.h>} and
 * {@code <stdint.h>}: it compiles as C99 to C2x and as C++11 and later, warning-free with
 * {@code -Wall -Wextra -pedantic}. Request enums with sentinels, feature bits with masks and an
 * all-known mask, header flags, limits, enumerations, the header and every payload as a packed
 * struct without flexible members (so each fits in a message union), and compile-time checks
 * of every size and offset. Every {@code #define} is guarded by {@code #ifndef} and its value
 * checked, so the header coexists with {@code <linux/vhost.h>}, {@code <linux/virtio_config.h>}
 * and a project's own older definitions in either include order. Proposed entries are compiled
 * only when the profile's proposed macro is defined; old names only with its previous-names
 * macro.
 */
public final class CHeader {
  private final Registry registry;
  private final Layouts layouts;
  private final Profile profile;
  private final Profile.CStyle style;
  private final String prefix;
  private final String indent;
  private final List<String> checks = new ArrayList<>();
  private Provenance provenance;
  private boolean inProposed;
  private String pendingDoc = "";
  private final StringBuilder out = new StringBuilder();

  private CHeader(Registry registry, Profile profile, String prefix) {
    this.registry = registry;
    this.layouts = Layouts.of(registry);
    this.profile = profile;
    this.style = profile.c();
    this.prefix = prefix == null ? "" : prefix;
    this.indent = style.indent();
  }

  /** The neutral header (the default profile), every identifier preceded by {@code prefix}. */
  public static GeneratedFile generate(Registry registry, Provenance provenance, String prefix) {
    return generate(registry, provenance, Profiles.defaults(), prefix);
  }

  /**
   * The header of {@code profile} for {@code registry}. {@code prefix} (may be empty) is put in
   * front of every identifier, upper case for macros and lower case for types, to avoid clashes
   * with definitions a project already has (for example the kernel's {@code VHOST_IOTLB_MISS}).
   */
  public static GeneratedFile generate(Registry registry, Provenance provenance, Profile profile,
      String prefix) {
    CHeader header = new CHeader(registry, profile, prefix);
    header.write(provenance);
    return new GeneratedFile(profile.c().file(), header.out.toString());
  }

  private void write(Provenance provenance) {
    this.provenance = provenance;
    String guard = macro(style.file().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
        .replaceAll("^([0-9])", "_$1"));
    String check = macro(style.assertMacro());
    line("/* SPDX-License-Identifier: " + profile.licence() + " */");
    line("/*");
    for (String text : profile.notice()) {
      line(text.isBlank() ? " *" : " * " + Names.doc(text));
    }
    line(" *");
    line(" * Profile: " + profile.name());
    line(" * Specification revision: " + provenance.revision());
    line(" * Registry SHA-256: " + provenance.contentSha256());
    line(" */");
    line("#ifndef " + guard);
    line("#define " + guard);
    line("");
    line("#include <stddef.h>");
    line("#include <stdint.h>");
    line("");
    line("/* Compile-time checks; undefined again at the end of this header. */");
    line("#if defined(__cplusplus) && __cplusplus >= 201103L");
    line("#define " + check + "(name, cond) static_assert(cond, #name)");
    line("#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L");
    line("#define " + check + "(name, cond) _Static_assert(cond, #name)");
    line("#else");
    line("#define " + check + "(name, cond) \\");
    line(indent + "typedef char " + type("vhost_user_spec_check_") + "##name[(cond) ? 1 : -1]");
    line("#endif");
    line("");
    line("/** The revision of the specification this header was generated from. */");
    line("#define " + macro("VHOST_USER_SPEC_REVISION") + " \"" + provenance.revision() + "\"");
    line("");
    constants();
    requests("Requests the front-end sends on the main socket.", style.frontEnd(),
        "vhost_user_front_end_request", registry.frontEnd(), "front-end message");
    requests("Requests the back-end sends on the back-end channel.", style.backEnd(),
        "vhost_user_back_end_request", registry.backEnd(), "back-end message");
    features("Protocol feature bits (VHOST_USER_GET/SET_PROTOCOL_FEATURES).",
        style.protocolFeatures(), registry.protocolFeatures());
    features("Virtio and vhost feature bits the protocol relies on (VHOST_USER_GET/SET_FEATURES).",
        style.virtioFeatures(), registry.virtioFeatures());
    enums();
    payloads();
    line("#undef " + check);
    line("");
    line("#endif /* " + guard + " */");
  }

  private void constants() {
    section("Message header flags, protocol limits and reserved number ranges.");
    for (EnumMember flag : registry.header().flags()) {
      pendingDoc = flag.summary();
      flagMember(flag, Primitive.U32);
    }
    for (Limit limit : registry.header().limits()) {
      pendingDoc = limit.summary();
      define(id(limit.name()), limit.value() + (style.plainLimits() ? "" : "u"),
          String.valueOf(limit.value()));
    }
    for (NumberRange range : registry.info().reservedRanges()) {
      pendingDoc = Names.rangeDoc(range);
      define(Names.range(range) + "_FIRST", "0x" + Long.toHexString(range.first()) + "u",
          String.valueOf(range.first()));
      define(Names.range(range) + "_LAST", "0x" + Long.toHexString(range.last()) + "u",
          String.valueOf(range.last()));
    }
    line("");
  }

  private void requests(String title, Profile.EnumStyle enumStyle, String fallbackType,
      MessageTable table, String kind) {
    section(title);
    List<Message> messages =
        table.messages().stream().sorted(Comparator.comparing(Message::id)).toList();
    String typeName = enumStyle.type().isEmpty() ? fallbackType : enumStyle.type();
    line((style.typedefs() ? "typedef " : "") + "enum " + type(typeName) + " {");
    if (!enumStyle.none().isEmpty()) {
      line(indent + macro(enumStyle.none()) + " = 0,");
    }
    for (Message m : messages) {
      boolean proposed = m.status().isTentative();
      if (proposed) {
        line("#ifdef " + macro(style.proposedMacro()));
      }
      line(indent + "/** " + Names.statusNote(m.status()) + Names.doc(m.summary())
          + provenance.sinceNote(kind, m.name()) + " */");
      line(indent + macro(id(m.name())) + " = " + m.id() + ",");
      if (proposed) {
        line("#endif");
      }
    }
    if (!enumStyle.max().isEmpty()) {
      line(indent + "/** One past the highest request number above. */");
      line(indent + macro(enumStyle.max()));
    }
    line("}" + (style.typedefs() ? " " + type(typeName) : "") + ";");
    previousNames(messages.stream().flatMap(m -> m.previousNames().stream()
        .map(old -> new String[] {old, id(m.name())})).toList());
    line("");
  }

  private void features(String title, Profile.FeatureStyle featureStyle, FeatureTable table) {
    section(title);
    List<Feature> features =
        table.features().stream().sorted(Comparator.comparing(Feature::bit)).toList();
    String kind = table.kind().name().toLowerCase(Locale.ROOT) + " feature";
    boolean asEnum = !featureStyle.type().isEmpty();
    if (asEnum) {
      line((style.typedefs() ? "typedef " : "") + "enum " + type(featureStyle.type()) + " {");
    }
    for (Feature f : features) {
      boolean proposed = f.status().isTentative();
      if (proposed) {
        line("#ifdef " + macro(style.proposedMacro()));
      }
      inProposed = proposed;
      String summary = Names.statusNote(f.status()) + f.summary() + provenance.sinceNote(kind,
          f.name());
      if (asEnum) {
        line(indent + "/** " + Names.doc(summary) + " */");
        line(indent + macro(id(f.name())) + " = " + f.bit() + ",");
      } else {
        pendingDoc = summary;
        define(id(f.name()), String.valueOf(f.bit()), String.valueOf(f.bit()));
      }
      inProposed = false;
      if (proposed) {
        line("#endif");
      }
    }
    if (asEnum) {
      if (!featureStyle.max().isEmpty()) {
        line(indent + "/** One past the highest bit above. */");
        line(indent + macro(featureStyle.max()));
      }
      line("}" + (style.typedefs() ? " " + type(featureStyle.type()) : "") + ";");
    }
    if (featureStyle.masks()) {
      for (Feature f : features) {
        if (omitted(id(f.name()))) {
          continue;
        }
        conditional(f.status().isTentative(), () -> line("#define " + macro(id(f.name()) + "_MASK")
            + " (UINT64_C(1) << " + macro(id(f.name())) + ")"));
      }
    }
    if (!asEnum && !featureStyle.max().isEmpty()) {
      line("/** One past the highest bit above. */");
      byStatus(featureStyle.max(), features, fs -> String.valueOf(fs.stream()
          .mapToLong(Feature::bit).max().orElse(-1) + 1) + "u");
    }
    if (!featureStyle.all().isEmpty()) {
      line("/** Every bit above, as a mask. */");
      byStatus(featureStyle.all(), features, fs -> "UINT64_C(0x" + Long.toHexString(fs.stream()
          .mapToLong(f -> 1L << f.bit()).reduce(0, (a, b) -> a | b)) + ")");
    }
    previousNames(features.stream().flatMap(f -> f.previousNames().stream()
        .map(old -> new String[] {old, id(f.name())})).toList());
    line("");
  }

  /** A definition whose value depends on whether proposed entries are compiled in. */
  private void byStatus(String name, List<Feature> features,
      java.util.function.Function<List<Feature>, String> value) {
    List<Feature> agreed = features.stream().filter(f -> !f.status().isTentative()).toList();
    String all = value.apply(features);
    String stable = value.apply(agreed);
    if (all.equals(stable)) {
      line("#define " + macro(name) + " " + all);
      return;
    }
    line("#ifdef " + macro(style.proposedMacro()));
    line("#define " + macro(name) + " " + all);
    line("#else");
    line("#define " + macro(name) + " " + stable);
    line("#endif");
  }

  private void enums() {
    for (EnumType e : registry.enums()) {
      if (e.members().stream().anyMatch(m -> omitted(id(m.name())))) {
        e.members().stream().filter(m -> omitted(id(m.name()))).forEach(m -> define(id(
            m.name()), "", e.kind() == EnumKind.VALUES
            ? plain(m.value()) : m.bit() != null && m.name().contains("_F_")
            ? String.valueOf(m.bit()) : plain(m.numericValue())));
        continue;
      }
      section(e.summary() + " (" + e.name() + ")");
      Primitive width = Primitive.named(e.type()).orElse(Primitive.U64);
      boolean external = e.members().stream().anyMatch(m -> style.externalNames()
          .contains(m.name()));
      if (e.kind() == EnumKind.VALUES && style.valueEnums() && !external) {
        String typeName = style.enums().getOrDefault(e.name(), style.enumPattern()
            .replace("{name}", e.name()).replace("{Name}", Names.camel(e.name())));
        line((style.typedefs() ? "typedef " : "") + "enum " + type(typeName) + " {");
        for (EnumMember m : e.members()) {
          String summary = Names.doc(m.summary());
          if (!summary.isEmpty()) {
            line(indent + "/** " + summary + " */");
          }
          line(indent + macro(id(m.name())) + " = " + m.value() + ",");
        }
        line("}" + (style.typedefs() ? " " + type(typeName) : "") + ";");
      } else {
        for (EnumMember m : e.members()) {
          pendingDoc = m.summary();
          if (e.kind() == EnumKind.VALUES) {
            define(id(m.name()), literal(m.value(), width), plain(m.value()));
          } else {
            flagMember(m, width);
          }
        }
      }
      line("");
    }
  }

  /**
   * A flag: a mask, or for a single bit named like a feature ({@code _F_}) the bit number with
   * a _MASK beside it, as C implementations and the kernel spell such names.
   */
  private void flagMember(EnumMember m, Primitive width) {
    String name = id(m.name());
    if (m.bit() != null && name.contains("_F_")) {
      define(name, String.valueOf(m.bit()), String.valueOf(m.bit()));
      define(name + "_MASK", "(" + one(width) + " << " + m.bit() + ")", plain(1L << m.bit()));
    } else if (m.bit() != null) {
      define(name, "(" + one(width) + " << " + m.bit() + ")", plain(1L << m.bit()));
    } else if (m.mask() != null) {
      define(name, literal(m.mask(), width), plain(m.mask()));
    } else {
      define(name, literal(m.value(), width), plain(m.value()));
    }
  }

  private void payloads() {
    section("The message header and the payloads. Every struct is packed; padding fields are"
        + " written out. A trailing variable-length array is not part of its struct: its"
        + " entries follow the struct on the wire.");
    line("#pragma pack(push, 1)");
    line("");
    if (!style.header().isEmpty()) {
      line("/** The header in front of every message. */");
      open(style.header());
      for (Field field : registry.header().fields()) {
        String summary = Names.doc(field.summary());
        if (!summary.isEmpty()) {
          line(indent + "/** " + summary + " */");
        }
        line(indent + cType(field.type().name()) + " " + field.name() + ";");
      }
      close(style.header());
      line("");
    }
    for (Payload p : registry.payloads()) {
      Layouts.PayloadLayout layout = layouts.of(p.name()).orElseThrow();
      doc(p.summary());
      open(payloadName(p.name()));
      for (Layouts.FieldLayout f : layout.fields()) {
        Field field = f.field();
        String summary = Names.doc(field.summary());
        String element = cType(field.type().name());
        if (field.flexible() && !bounded(field)) {
          line(indent + "/* followed by the entries of " + field.name() + ": " + element
              + "[]" + (summary.isEmpty() ? "" : "; " + summary) + " */");
          continue;
        }
        if (!summary.isEmpty()) {
          line(indent + "/** " + summary + " */");
        }
        line(indent + element + " " + fieldName(p.name(), field.name()) + dimension(field) + ";");
      }
      close(payloadName(p.name()));
      line("");
    }
    line("#pragma pack(pop)");
    line("");
    section("Compile-time checks of the values above and of every size and offset.");
    checks.forEach(this::line);
    if (!style.header().isEmpty()) {
      assertion("sizeof_header", "sizeof(" + typeRef(style.header()) + ") == "
          + registry.header().fields().stream().mapToLong(f -> Primitive.named(f.type().name())
              .map(Primitive::size).orElse(0)).sum());
    }
    for (Payload p : registry.payloads()) {
      Layouts.PayloadLayout layout = layouts.of(p.name()).orElseThrow();
      String struct = typeRef(payloadName(p.name()));
      long size = layout.size();
      for (Layouts.FieldLayout f : layout.fields()) {
        if (f.field().flexible() && bounded(f.field())) {
          size += f.elementSize() * f.field().maxCount();
        }
      }
      assertion("sizeof_" + p.name(), "sizeof(" + struct + ") == " + size);
      for (Layouts.FieldLayout f : layout.fields()) {
        if (f.field().flexible() && !bounded(f.field())) {
          continue;
        }
        assertion("offset_" + p.name() + "__" + f.field().name(), "offsetof(" + struct + ", "
            + fieldName(p.name(), f.field().name()) + ") == " + f.offset());
      }
    }
    line("");
  }

  private boolean bounded(Field field) {
    return style.flexible() == Profile.Flexible.BOUNDED && field.maxCount() != null;
  }

  private void open(String name) {
    if (name.startsWith("struct ") || !style.typedefs()) {
      line(structTag(name) + " {");
    } else {
      line("typedef struct " + type(name) + " {");
    }
  }

  private void close(String name) {
    line(name.startsWith("struct ") || !style.typedefs() ? "};" : "} " + type(name) + ";");
  }

  private String structTag(String name) {
    return "struct " + type(name.startsWith("struct ") ? name.substring(7) : name);
  }

  /** How code refers to a struct: its typedef name, or {@code struct tag}. */
  private String typeRef(String name) {
    return name.startsWith("struct ") || !style.typedefs() ? structTag(name) : type(name);
  }

  private String payloadName(String payload) {
    String mapped = style.payloads().get(payload);
    if (mapped != null) {
      return mapped;
    }
    return style.payloadPattern().replace("{name}", payload).replace("{Name}", Names.camel(payload));
  }

  private String fieldName(String payload, String field) {
    return style.fields().getOrDefault(payload + "." + field, field);
  }

  private String id(String registryName) {
    return profile.identifier(registryName);
  }

  private void previousNames(List<String[]> pairs) {
    if (pairs.isEmpty()) {
      return;
    }
    List<String[]> kept = pairs.stream().filter(p -> !omitted(p[1])).toList();
    if (kept.isEmpty()) {
      return;
    }
    line("#ifdef " + macro(style.previousNamesMacro()));
    for (String[] pair : kept) {
      line("#define " + macro(pair[0]) + " " + macro(pair[1]));
    }
    line("#endif");
  }

  private void conditional(boolean proposed, Runnable body) {
    if (proposed) {
      line("#ifdef " + macro(style.proposedMacro()));
    }
    body.run();
    if (proposed) {
      line("#endif");
    }
  }

  private void assertion(String name, String condition) {
    line(macro(style.assertMacro()) + "(" + name + ", " + condition + ");");
  }

  private void section(String title) {
    line("/* " + Names.doc(title) + " */");
    line("");
  }

  private void doc(String summary) {
    String text = Names.doc(summary);
    if (!text.isEmpty()) {
      line("/** " + text + " */");
    }
  }

  /**
   * A guarded {@code #define}: skipped when something defined the name before, and its value
   * checked at compile time either way. Names other headers own (the kernel's) are spelled as
   * those headers spell them, so a later identical definition is no redefinition; a profile may
   * leave them out and only check them.
   */
  private void define(String name, String value, String plainValue) {
    String full = macro(name);
    boolean external = prefix.isEmpty() && style.externalNames().contains(name);
    String spelled = external ? plainValue : value;
    String condition = omitted(name) ? full : inProposed ? macro(style.proposedMacro()) : null;
    if (condition != null) {
      checks.add("#ifdef " + condition);
    }
    checks.add(check(full, plainValue));
    if (condition != null) {
      checks.add("#endif");
    }
    String summary = pendingDoc;
    pendingDoc = "";
    if (omitted(name)) {
      return;
    }
    doc(summary);
    line("#ifndef " + full);
    line("#define " + full + " " + spelled);
    line("#endif");
  }

  private boolean omitted(String name) {
    return style.omitExternal() && prefix.isEmpty() && style.externalNames().contains(name);
  }

  private String check(String macroName, String plainValue) {
    return macro(style.assertMacro()) + "(value_" + macroName + ", (uint64_t)(" + macroName
        + ") == UINT64_C(" + plainValue + "));";
  }

  private String macro(String name) {
    return prefix.toUpperCase(Locale.ROOT) + name;
  }

  private String type(String name) {
    return prefix.toLowerCase(Locale.ROOT) + name;
  }

  private String cType(String typeName) {
    return Primitive.named(typeName)
        .map(p -> (p.signed() ? "int" : "uint") + (p.size() * 8) + "_t")
        .orElseGet(() -> typeRef(payloadName(typeName)));
  }

  private String dimension(Field field) {
    if (field.flexible()) {
      return "[" + field.maxCount() + "]";
    }
    return field.count() == null ? "" : "[" + field.count() + "]";
  }

  private static String one(Primitive width) {
    return width.size() == 8 ? "UINT64_C(1)" : "1u";
  }

  private static String literal(Long value, Primitive width) {
    String hex = "0x" + Long.toHexString(value);
    return width.size() == 8 ? "UINT64_C(" + hex + ")" : hex + "u";
  }

  /** A value as the kernel headers spell theirs: decimal below 16, hexadecimal above. */
  private static String plain(Long value) {
    return value < 16 && value >= 0 ? String.valueOf(value) : "0x" + Long.toHexString(value);
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
