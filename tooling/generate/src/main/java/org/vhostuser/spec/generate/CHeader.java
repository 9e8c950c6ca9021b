package org.vhostuser.spec.generate;

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
import org.vhostuser.spec.registry.NumberRange;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.MessageTable;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Primitive;
import org.vhostuser.spec.registry.Registry;

/**
 * One self-contained C header (C99 and C11, only {@code <stdint.h>}): request numbers, feature
 * bits and masks, header flags, limits, enumerations, and every payload as a packed struct whose
 * size and field offsets are asserted at compile time. Proposed entries are compiled only when
 * {@code VHOST_USER_SPEC_PROPOSED} is defined; old names only with
 * {@code VHOST_USER_SPEC_PREVIOUS_NAMES}.
 */
public final class CHeader {
  private final Registry registry;
  private final Layouts layouts;
  private final String prefix;
  private Provenance provenance;
  private final StringBuilder out = new StringBuilder();

  private CHeader(Registry registry, String prefix) {
    this.registry = registry;
    this.layouts = Layouts.of(registry);
    this.prefix = prefix == null ? "" : prefix;
  }

  /**
   * The header for {@code registry}. {@code prefix} (may be empty) is put in front of every
   * identifier, upper case for macros and lower case for types, to avoid clashes with
   * definitions a project already has (for example the kernel's {@code VHOST_IOTLB_MISS}).
   */
  public static GeneratedFile generate(Registry registry, Provenance provenance, String prefix) {
    CHeader header = new CHeader(registry, prefix);
    header.write(provenance);
    return new GeneratedFile(Language.C.fileName(), header.out.toString());
  }

  private void write(Provenance provenance) {
    this.provenance = provenance;
    String guard = macro("VHOST_USER_PROTOCOL_H");
    line("/* SPDX-License-Identifier: " + Licence.SPDX + " */");
    line("/*");
    for (String text : Licence.NOTICE.split("\n")) {
      line(" * " + text);
    }
    line(" *");
    line(" * Specification revision: " + provenance.revision());
    line(" * Registry SHA-256: " + provenance.contentSha256());
    line(" */");
    line("#ifndef " + guard);
    line("#define " + guard);
    line("");
    line("#include <stdint.h>");
    line("");
    line("#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L");
    line("#define " + macro("VHOST_USER_ASSERT") + "(name, cond) _Static_assert(cond, #name)");
    line("#else");
    line("#define " + macro("VHOST_USER_ASSERT") + "(name, cond) \\");
    line("    typedef char " + type("vhost_user_assert_") + "##name[(cond) ? 1 : -1]");
    line("#endif");
    line("#if defined(__GNUC__) || defined(__clang__)");
    line("#define " + macro("VHOST_USER_OFFSETOF") + "(type, member) __builtin_offsetof(type, member)");
    line("#else");
    line("#define " + macro("VHOST_USER_OFFSETOF")
        + "(type, member) ((unsigned long)&((type *)0)->member)");
    line("#endif");
    line("");
    line("/** The revision of the specification this header was generated from. */");
    line("#define " + macro("VHOST_USER_SPEC_REVISION") + " \"" + provenance.revision() + "\"");
    line("");
    header();
    requests("Requests the front-end sends on the main socket.", "vhost_user_front_end_request",
        registry.frontEnd());
    requests("Requests the back-end sends on the back-end channel.", "vhost_user_back_end_request",
        registry.backEnd());
    features("Protocol feature bits (VHOST_USER_GET/SET_PROTOCOL_FEATURES).",
        registry.protocolFeatures());
    features("Virtio and vhost feature bits the protocol relies on (VHOST_USER_GET/SET_FEATURES).",
        registry.virtioFeatures());
    enums();
    payloads();
    line("#endif /* " + guard + " */");
  }

  private void header() {
    section("Message header flags, protocol limits and reserved number ranges.");
    for (EnumMember flag : registry.header().flags()) {
      doc(flag.summary());
      define(flag.name(), memberValue(flag, Primitive.U32));
    }
    for (Limit limit : registry.header().limits()) {
      doc(limit.summary());
      define(limit.name(), limit.value() + "u");
    }
    for (NumberRange range : registry.info().reservedRanges()) {
      doc(Names.rangeDoc(range));
      define(Names.range(range) + "_FIRST", "0x" + Long.toHexString(range.first()) + "u");
      define(Names.range(range) + "_LAST", "0x" + Long.toHexString(range.last()) + "u");
    }
    line("");
  }

  private void requests(String title, String enumName, MessageTable table) {
    section(title);
    List<Message> messages =
        table.messages().stream().sorted(Comparator.comparing(Message::id)).toList();
    line("enum " + type(enumName) + " {");
    for (Message m : messages) {
      boolean proposed = m.status().isTentative();
      if (proposed) {
        line("#ifdef " + macro("VHOST_USER_SPEC_PROPOSED"));
      }
      line("    /** " + Names.statusNote(m.status()) + Names.doc(m.summary())
          + provenance.sinceNote(table.direction().yamlName() + " message", m.name()) + " */");
      line("    " + macro(m.name()) + " = " + m.id() + ",");
      if (proposed) {
        line("#endif");
      }
    }
    line("};");
    previousNames(messages.stream().flatMap(m -> m.previousNames().stream()
        .map(old -> new String[] {old, m.name()})).toList());
    line("");
  }

  private void features(String title, FeatureTable table) {
    section(title);
    List<Feature> features =
        table.features().stream().sorted(Comparator.comparing(Feature::bit)).toList();
    for (Feature f : features) {
      boolean proposed = f.status().isTentative();
      if (proposed) {
        line("#ifdef " + macro("VHOST_USER_SPEC_PROPOSED"));
      }
      doc(Names.statusNote(f.status()) + f.summary() + provenance.sinceNote(
          f.kind().name().toLowerCase(java.util.Locale.ROOT) + " feature", f.name()));
      define(f.name(), f.bit() + "u");
      define(f.name() + "_MASK", "(UINT64_C(1) << " + f.bit() + ")");
      if (proposed) {
        line("#endif");
      }
    }
    previousNames(features.stream().flatMap(f -> f.previousNames().stream()
        .map(old -> new String[] {old, f.name()})).toList());
    line("");
  }

  private void enums() {
    for (EnumType e : registry.enums()) {
      section(e.summary() + " (" + e.name() + ")");
      Primitive width = Primitive.named(e.type()).orElse(Primitive.U64);
      for (EnumMember m : e.members()) {
        doc(m.summary());
        define(m.name(), e.kind() == EnumKind.VALUES ? literal(m.value(), width)
            : memberValue(m, width));
      }
      line("");
    }
  }

  private void payloads() {
    section("Payloads. Every struct is packed; padding fields are written out.");
    line("#pragma pack(push, 1)");
    line("");
    for (Payload p : registry.payloads()) {
      Layouts.PayloadLayout layout = layouts.of(p.name()).orElseThrow();
      doc(p.summary());
      line("struct " + structName(p.name()) + " {");
      for (Layouts.FieldLayout f : layout.fields()) {
        Field field = f.field();
        String summary = Names.doc(field.summary());
        if (!summary.isEmpty()) {
          line("    /** " + summary + " */");
        }
        line("    " + cType(field.type().name()) + " " + field.name() + dimension(field) + ";");
      }
      line("};");
      line("");
    }
    line("#pragma pack(pop)");
    line("");
    section("Compile-time checks of every payload's size and field offsets.");
    for (Payload p : registry.payloads()) {
      Layouts.PayloadLayout layout = layouts.of(p.name()).orElseThrow();
      String struct = "struct " + structName(p.name());
      assertion("sizeof_" + p.name(), "sizeof(" + struct + ") == " + layout.size());
      for (Layouts.FieldLayout f : layout.fields()) {
        assertion("offset_" + p.name() + "__" + f.field().name(), macro("VHOST_USER_OFFSETOF") + "(" + struct
            + ", " + f.field().name() + ") == " + f.offset());
      }
    }
    line("");
  }

  private void previousNames(List<String[]> pairs) {
    if (pairs.isEmpty()) {
      return;
    }
    line("#ifdef " + macro("VHOST_USER_SPEC_PREVIOUS_NAMES"));
    for (String[] pair : pairs) {
      line("#define " + macro(pair[0]) + " " + macro(pair[1]));
    }
    line("#endif");
  }

  private void assertion(String name, String condition) {
    line(macro("VHOST_USER_ASSERT") + "(" + name + ", " + condition + ");");
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

  private void define(String name, String value) {
    line("#define " + macro(name) + " " + value);
  }

  private String macro(String name) {
    return prefix.toUpperCase(Locale.ROOT) + name;
  }

  private String type(String name) {
    return prefix.toLowerCase(Locale.ROOT) + name;
  }

  private String structName(String payload) {
    return type("vhost_user_" + payload);
  }

  private String cType(String type) {
    return Primitive.named(type)
        .map(p -> (p.signed() ? "int" : "uint") + (p.size() * 8) + "_t")
        .orElseGet(() -> "struct " + structName(type));
  }

  private static String dimension(Field field) {
    if (field.flexible()) {
      return "[]";
    }
    return field.count() == null ? "" : "[" + field.count() + "]";
  }

  private static String memberValue(EnumMember m, Primitive width) {
    if (m.value() != null) {
      return literal(m.value(), width);
    }
    if (m.bit() != null) {
      return "(" + (width.size() == 8 ? "UINT64_C(1)" : "1u") + " << " + m.bit() + ")";
    }
    return literal(m.mask(), width);
  }

  private static String literal(Long value, Primitive width) {
    String hex = "0x" + Long.toHexString(value);
    return width.size() == 8 ? "UINT64_C(" + hex + ")" : hex + "u";
  }


  private void line(String text) {
    out.append(text).append('\n');
  }
}
