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
import org.vhostuser.spec.registry.Status;

/**
 * One Rust module in a profile's style, with no dependency beyond {@code core} (usable from
 * {@code no_std} crates), formatted as rustfmt formats it and clean under clippy: request enums
 * with {@code TryFrom<u32>}, {@code From<_> for u32}, a name and a status; feature and flag sets
 * with the operations of the {@code bitflags} crate; value enumerations; constants; and every
 * payload as a {@code #[repr(C, packed)]} struct with the profile's derives and a compile-time
 * size check. Proposed entries are compiled only with the profile's cfg (a cargo feature).
 * Its unit tests check every field offset (with {@code addr_of!}, so the module builds on
 * compilers older than {@code offset_of!}).
 */
public final class RustModule {
  private static final int WIDTH = 100;
  private static final int CALL_WIDTH = 60;

  private final Registry registry;
  private final Layouts layouts;
  private final Profile profile;
  private final Profile.RustStyle style;
  private Provenance provenance;
  private final StringBuilder out = new StringBuilder();

  private RustModule(Registry registry, Profile profile) {
    this.registry = registry;
    this.layouts = Layouts.of(registry);
    this.profile = profile;
    this.style = profile.rust();
  }

  /** The neutral module (the default profile) for {@code registry}. */
  public static GeneratedFile generate(Registry registry, Provenance provenance) {
    return generate(registry, provenance, Profiles.defaults());
  }

  /** The module of {@code profile} for {@code registry}. */
  public static GeneratedFile generate(Registry registry, Provenance provenance, Profile profile) {
    RustModule module = new RustModule(registry, profile);
    module.write(provenance);
    return new GeneratedFile(profile.rust().file(), module.out.toString());
  }

  private void write(Provenance provenance) {
    this.provenance = provenance;
    line("// SPDX-License-Identifier: " + profile.licence());
    for (String text : profile.notice()) {
      line(text.isBlank() ? "//" : "// " + Names.doc(text));
    }
    line("//");
    line("// Profile: " + profile.name());
    line("// Specification revision: " + provenance.revision());
    line("// Registry SHA-256: " + provenance.contentSha256());
    line("");
    line("//! Constants and payload layouts of the vhost-user protocol, generated from its registry.");
    line("");
    line("/// The revision of the specification this module was generated from.");
    line("pub const SPEC_REVISION: &str = \"" + provenance.revision() + "\";");
    line("");
    line("/// Whether an entry is agreed, on its way out, or not yet agreed.");
    line("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]");
    line("pub enum Status {");
    line("    /// In use and agreed.");
    line("    Stable,");
    line("    /// Still on the wire, but replaced or discouraged.");
    line("    Deprecated,");
    line("    /// In flight: not yet agreed by the specification.");
    line("    Proposed,");
    line("    /// A number claimed by a change under review.");
    line("    Reserved,");
    line("}");
    line("");
    constants();
    requests(style.frontEnd(), "Requests the front-end sends on the main socket.",
        registry.frontEnd(), "VHOST_USER_");
    requests(style.backEnd(), "Requests the back-end sends on the back-end channel.",
        registry.backEnd(), "VHOST_USER_BACKEND_");
    bitSetMacro();
    if (!style.headerFlags().isEmpty()) {
      bitSet(style.headerFlags(), "u32", "Flags of the message header.",
          registry.header().flags().stream().map(f -> new Bit(f.name(), memberName(f.name(),
              "VHOST_USER_").replaceAll("_MASK$", ""), memberMask(f), f.summary(), Status.STABLE,
              null)).toList());
    }
    features(style.protocolFeatures(), "Protocol feature bits (GET/SET_PROTOCOL_FEATURES).",
        registry.protocolFeatures(), "VHOST_USER_PROTOCOL_F_");
    features(style.virtioFeatures(), "Virtio and vhost feature bits the protocol relies on.",
        registry.virtioFeatures(), "");
    enums();
    payloads();
    tests();
  }

  private void constants() {
    for (EnumMember flag : registry.header().flags()) {
      doc("", flag.summary());
      line("pub const " + flag.name() + ": u32 = " + plainValue(flag) + ";");
    }
    for (Limit limit : registry.header().limits()) {
      doc("", limit.summary());
      line("pub const " + limit.name() + ": u32 = " + limit.value() + ";");
    }
    for (NumberRange range : registry.info().reservedRanges()) {
      doc("", Names.rangeDoc(range) + " First number.");
      line("pub const " + Names.range(range) + "_FIRST: u32 = 0x"
          + Long.toHexString(range.first()) + ";");
      doc("", Names.rangeDoc(range) + " Last number.");
      line("pub const " + Names.range(range) + "_LAST: u32 = 0x"
          + Long.toHexString(range.last()) + ";");
    }
    line("");
    for (EnumType e : registry.enums()) {
      line("// " + Names.doc(e.summary()) + " (" + e.name() + ")");
      for (EnumMember m : e.members()) {
        doc("", m.summary());
        line("pub const " + m.name() + ": " + e.type() + " = "
            + (e.kind() == EnumKind.VALUES ? m.value() : plainValue(m)) + ";");
      }
      line("");
    }
  }

  private String variant(String registryName, String prefix) {
    String mapped = profile.names().get(registryName);
    if (mapped != null) {
      return mapped;
    }
    String stripped = Names.strip(registryName, prefix);
    return style.upperVariants() ? stripped : Names.camel(stripped);
  }

  private void requests(String name, String title, MessageTable table, String prefix) {
    List<Message> messages =
        table.messages().stream().sorted(Comparator.comparing(Message::id)).toList();
    doc("", title);
    line("#[derive(" + String.join(", ", style.requestDerives()) + ")]");
    line("#[repr(u32)]");
    if (style.upperVariants()) {
      line("#[allow(non_camel_case_types, clippy::upper_case_acronyms)]");
    }
    line("pub enum " + name + " {");
    for (Message m : messages) {
      doc("    ", Names.statusNote(m.status()) + m.summary()
          + provenance.sinceNote(m.direction().yamlName() + " message", m.name()));
      cfg("    ", m.status());
      line("    " + variant(m.name(), prefix) + " = " + m.id() + ",");
    }
    line("}");
    line("");
    line("impl " + name + " {");
    line("    /// The request's name as the specification spells it.");
    line("    pub const fn name(self) -> &'static str {");
    line("        match self {");
    for (Message m : messages) {
      cfg("            ", m.status());
      arm("            ", "Self::" + variant(m.name(), prefix), "\"" + m.name() + "\"");
    }
    line("        }");
    line("    }");
    line("");
    line("    /// Where the request stands in the specification.");
    line("    pub const fn status(self) -> Status {");
    line("        match self {");
    for (Message m : messages) {
      cfg("            ", m.status());
      arm("            ", "Self::" + variant(m.name(), prefix),
          "Status::" + Names.camel(m.status().yamlName()));
    }
    line("        }");
    line("    }");
    line("}");
    line("");
    line("impl From<" + name + "> for u32 {");
    line("    fn from(request: " + name + ") -> u32 {");
    line("        request as u32");
    line("    }");
    line("}");
    line("");
    line("impl TryFrom<u32> for " + name + " {");
    line("    type Error = u32;");
    line("");
    line("    /// The request with this number, or the number itself when none has it.");
    line("    fn try_from(value: u32) -> Result<Self, u32> {");
    line("        match value {");
    for (Message m : messages) {
      cfg("            ", m.status());
      arm("            ", String.valueOf(m.id()), "Ok(Self::" + variant(m.name(), prefix) + ")");
    }
    line("            other => Err(other),");
    line("        }");
    line("    }");
    line("}");
    line("");
  }

  /** One bit or mask of a bit-set type, with its name inside the type. */
  private record Bit(String registryName, String name, long mask, String summary, Status status,
      String sinceKind) {}

  private void features(String type, String title, FeatureTable table, String prefix) {
    List<Feature> features =
        table.features().stream().sorted(Comparator.comparing(Feature::bit)).toList();
    String kind = table.kind().name().toLowerCase(Locale.ROOT) + " feature";
    if (type.isEmpty()) {
      line("// " + title);
      for (Feature f : features) {
        doc("", Names.statusNote(f.status()) + f.summary() + provenance.sinceNote(kind, f.name()));
        cfg("", f.status());
        line("pub const " + f.name() + ": u32 = " + f.bit() + ";");
      }
      line("");
      return;
    }
    bitSet(type, "u64", title, features.stream().map(f -> new Bit(f.name(),
        memberName(f.name(), prefix), 1L << f.bit(), f.summary(), f.status(), kind)).toList());
  }

  private void bitSet(String type, String bits, String title, List<Bit> members) {
    doc("", title);
    line("#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]");
    line("pub struct " + type + "(" + bits + ");");
    line("");
    line("impl " + type + " {");
    for (Bit b : members) {
      doc("    ", Names.statusNote(b.status()) + b.summary()
          + (b.sinceKind() == null ? "" : provenance.sinceNote(b.sinceKind(), b.registryName())));
      cfg("    ", b.status());
      line("    pub const " + b.name() + ": Self = Self("
          + mask(b.mask()) + ");");
    }
    line("}");
    line("");
    List<Bit> agreed = members.stream().filter(b -> !b.status().isTentative()).toList();
    long all = members.stream().mapToLong(Bit::mask).reduce(0, (a, b) -> a | b);
    long stable = agreed.stream().mapToLong(Bit::mask).reduce(0, (a, b) -> a | b);
    if (all == stable) {
      line("bit_set!(" + type + ", " + bits + ", " + hex(all) + ");");
    } else {
      line("#[cfg(" + style.proposedCfg() + ")]");
      line("bit_set!(" + type + ", " + bits + ", " + hex(all) + ");");
      line("#[cfg(not(" + style.proposedCfg() + "))]");
      line("bit_set!(" + type + ", " + bits + ", " + hex(stable) + ");");
    }
    line("");
  }

  private String memberName(String registryName, String prefix) {
    String mapped = profile.names().get(registryName);
    return mapped != null ? mapped : Names.strip(registryName, prefix);
  }

  /**
   * The operations both kinds of bit sets share, named as in the {@code bitflags} crate (2.x) so
   * code written against rust-vmm's or crosvm's types compiles against these: written once as a
   * macro that each type then invokes with its bits type and the mask of every known bit.
   */
  private void bitSetMacro() {
    String[] text = {
        "/// The operations of a bit-set type, as the `bitflags` crate names them.",
        "macro_rules! bit_set {",
        "    ($type:ident, $bits:ty, $all:expr) => {",
        "        impl $type {",
        "            /// No bit set.",
        "            pub const fn empty() -> Self {",
        "                Self(0)",
        "            }",
        "",
        "            /// Every bit the specification defines.",
        "            pub const fn all() -> Self {",
        "                Self($all)",
        "            }",
        "",
        "            /// The bits as sent on the wire.",
        "            pub const fn bits(&self) -> $bits {",
        "                self.0",
        "            }",
        "",
        "            /// The set, or nothing when a bit is set that the specification does not define.",
        "            pub const fn from_bits(bits: $bits) -> Option<Self> {",
        "                if Self::from_bits_truncate(bits).0 == bits {",
        "                    Some(Self(bits))",
        "                } else {",
        "                    None",
        "                }",
        "            }",
        "",
        "            /// The set without the bits the specification does not define.",
        "            pub const fn from_bits_truncate(bits: $bits) -> Self {",
        "                Self(bits & Self::all().0)",
        "            }",
        "",
        "            /// The set with every bit as received, unknown ones included.",
        "            pub const fn from_bits_retain(bits: $bits) -> Self {",
        "                Self(bits)",
        "            }",
        "",
        "            /// True when no bit is set.",
        "            pub const fn is_empty(&self) -> bool {",
        "                self.0 == 0",
        "            }",
        "",
        "            /// True when every known bit is set.",
        "            pub const fn is_all(&self) -> bool {",
        "                self.0 & Self::all().0 == Self::all().0",
        "            }",
        "",
        "            /// True when every bit of `other` is set here.",
        "            pub const fn contains(&self, other: Self) -> bool {",
        "                self.0 & other.0 == other.0",
        "            }",
        "",
        "            /// True when some bit of `other` is set here.",
        "            pub const fn intersects(&self, other: Self) -> bool {",
        "                self.0 & other.0 != 0",
        "            }",
        "",
        "            /// The bits set here that the specification does not define.",
        "            pub const fn unknown(&self) -> $bits {",
        "                self.0 & !Self::all().0",
        "            }",
        "",
        "            /// Sets the bits of `other`.",
        "            pub fn insert(&mut self, other: Self) {",
        "                self.0 |= other.0;",
        "            }",
        "",
        "            /// Clears the bits of `other`.",
        "            pub fn remove(&mut self, other: Self) {",
        "                self.0 &= !other.0;",
        "            }",
        "",
        "            /// Flips the bits of `other`.",
        "            pub fn toggle(&mut self, other: Self) {",
        "                self.0 ^= other.0;",
        "            }",
        "",
        "            /// Sets or clears the bits of `other`.",
        "            pub fn set(&mut self, other: Self, value: bool) {",
        "                if value {",
        "                    self.insert(other);",
        "                } else {",
        "                    self.remove(other);",
        "                }",
        "            }",
        "",
        "            /// The bits set in either.",
        "            #[must_use]",
        "            pub const fn union(self, other: Self) -> Self {",
        "                Self(self.0 | other.0)",
        "            }",
        "",
        "            /// The bits set in both.",
        "            #[must_use]",
        "            pub const fn intersection(self, other: Self) -> Self {",
        "                Self(self.0 & other.0)",
        "            }",
        "",
        "            /// The bits set here and not in `other`.",
        "            #[must_use]",
        "            pub const fn difference(self, other: Self) -> Self {",
        "                Self(self.0 & !other.0)",
        "            }",
        "",
        "            /// The bits set in exactly one of the two.",
        "            #[must_use]",
        "            pub const fn symmetric_difference(self, other: Self) -> Self {",
        "                Self(self.0 ^ other.0)",
        "            }",
        "",
        "            /// The known bits not set here.",
        "            #[must_use]",
        "            pub const fn complement(self) -> Self {",
        "                Self(!self.0 & Self::all().0)",
        "            }",
        "        }",
        "",
        "        impl core::ops::BitOr for $type {",
        "            type Output = Self;",
        "",
        "            fn bitor(self, other: Self) -> Self {",
        "                self.union(other)",
        "            }",
        "        }",
        "",
        "        impl core::ops::BitOrAssign for $type {",
        "            fn bitor_assign(&mut self, other: Self) {",
        "                self.insert(other);",
        "            }",
        "        }",
        "",
        "        impl core::ops::BitAnd for $type {",
        "            type Output = Self;",
        "",
        "            fn bitand(self, other: Self) -> Self {",
        "                self.intersection(other)",
        "            }",
        "        }",
        "",
        "        impl core::ops::BitAndAssign for $type {",
        "            fn bitand_assign(&mut self, other: Self) {",
        "                self.0 &= other.0;",
        "            }",
        "        }",
        "",
        "        impl core::ops::BitXor for $type {",
        "            type Output = Self;",
        "",
        "            fn bitxor(self, other: Self) -> Self {",
        "                self.symmetric_difference(other)",
        "            }",
        "        }",
        "",
        "        impl core::ops::BitXorAssign for $type {",
        "            fn bitxor_assign(&mut self, other: Self) {",
        "                self.toggle(other);",
        "            }",
        "        }",
        "",
        "        impl core::ops::Sub for $type {",
        "            type Output = Self;",
        "",
        "            fn sub(self, other: Self) -> Self {",
        "                self.difference(other)",
        "            }",
        "        }",
        "",
        "        impl core::ops::SubAssign for $type {",
        "            fn sub_assign(&mut self, other: Self) {",
        "                self.remove(other);",
        "            }",
        "        }",
        "",
        "        impl core::ops::Not for $type {",
        "            type Output = Self;",
        "",
        "            fn not(self) -> Self {",
        "                self.complement()",
        "            }",
        "        }",
        "",
        "        impl core::iter::FromIterator<$type> for $type {",
        "            fn from_iter<I: IntoIterator<Item = Self>>(items: I) -> Self {",
        "                items.into_iter().fold(Self::empty(), Self::union)",
        "            }",
        "        }",
        "",
        "        impl core::iter::Extend<$type> for $type {",
        "            fn extend<I: IntoIterator<Item = Self>>(&mut self, items: I) {",
        "                for item in items {",
        "                    self.insert(item);",
        "                }",
        "            }",
        "        }",
        "    };",
        "}",
        ""};
    for (String text1 : text) {
      line(text1);
    }
  }

  private void enums() {
    for (EnumType e : registry.enums()) {
      String type = style.enums().getOrDefault(e.name(), Names.camel(e.name()));
      String prefix = commonPrefix(e.members().stream().map(EnumMember::name).toList());
      Primitive width = Primitive.named(e.type()).orElse(Primitive.U64);
      if (e.kind() == EnumKind.FLAGS) {
        bitSet(type, width.yamlName(), e.summary(), e.members().stream().map(m -> new Bit(
            m.name(), memberName(m.name(), prefix), memberMask(m), m.summary(), Status.STABLE,
            null)).toList());
        continue;
      }
      doc("", e.summary());
      line("#[derive(" + String.join(", ", style.requestDerives()) + ")]");
      line("#[repr(" + width.yamlName() + ")]");
      if (style.upperVariants()) {
        line("#[allow(non_camel_case_types, clippy::upper_case_acronyms)]");
      }
      line("pub enum " + type + " {");
      for (EnumMember m : e.members()) {
        doc("    ", m.summary());
        line("    " + variant(m.name(), prefix) + " = " + m.value() + ",");
      }
      line("}");
      line("");
      line("impl From<" + type + "> for " + width.yamlName() + " {");
      line("    fn from(value: " + type + ") -> " + width.yamlName() + " {");
      line("        value as " + width.yamlName());
      line("    }");
      line("}");
      line("");
      line("impl TryFrom<" + width.yamlName() + "> for " + type + " {");
      line("    type Error = " + width.yamlName() + ";");
      line("");
      line("    fn try_from(value: " + width.yamlName() + ") -> Result<Self, "
          + width.yamlName() + "> {");
      line("        match value {");
      for (EnumMember m : e.members()) {
        arm("            ", String.valueOf(m.value()), "Ok(Self::" + variant(m.name(), prefix) + ")");
      }
      line("            other => Err(other),");
      line("        }");
      line("    }");
      line("}");
      line("");
    }
  }

  private void payloads() {
    for (Payload p : registry.payloads()) {
      Layouts.PayloadLayout layout = layouts.of(p.name()).orElseThrow();
      String type = payloadName(p.name());
      boolean bigArray = layout.fields().stream().anyMatch(f -> arrayLength(f.field()) > 32);
      List<String> derives = new ArrayList<>(style.payloadDerives());
      boolean manualDefault = bigArray && derives.remove("Default");
      doc("", p.summary());
      line("#[repr(C, packed)]");
      if (!derives.isEmpty()) {
        line("#[derive(" + String.join(", ", derives) + ")]");
      }
      line("pub struct " + type + " {");
      List<String[]> defaults = new ArrayList<>();
      for (Layouts.FieldLayout f : layout.fields()) {
        Field field = f.field();
        if (field.flexible() && !bounded(field)) {
          line("    // Followed on the wire by the entries of " + field.name() + ": ["
              + element(field) + "].");
          continue;
        }
        doc("    ", field.summary());
        String name = Names.rustField(fieldName(p.name(), field.name()));
        line("    pub " + name + ": " + rustType(field) + ",");
        defaults.add(new String[] {name, arrayLength(field) > 0 ? "[" + (Primitive.named(
            field.type().name()).isPresent() ? "0" : element(field) + "::default()") + "; "
            + arrayLength(field) + "]" : Primitive.named(field.type().name()).isPresent() ? "0"
            : element(field) + "::default()"});
      }
      line("}");
      line("");
      if (manualDefault) {
        line("impl Default for " + type + " {");
        line("    fn default() -> Self {");
        line("        Self {");
        for (String[] d : defaults) {
          line("            " + d[0] + ": " + d[1] + ",");
        }
        line("        }");
        line("    }");
        line("}");
        line("");
      }
      line("const _: () = assert!(core::mem::size_of::<" + type + ">() == " + size(layout) + ");");
      line("");
    }
  }

  private long size(Layouts.PayloadLayout layout) {
    long size = layout.size();
    for (Layouts.FieldLayout f : layout.fields()) {
      if (f.field().flexible() && bounded(f.field())) {
        size += f.elementSize() * f.field().maxCount();
      }
    }
    return size;
  }

  private boolean bounded(Field field) {
    return style.flexible() == Profile.Flexible.BOUNDED && field.maxCount() != null;
  }

  private long arrayLength(Field field) {
    if (field.flexible()) {
      return bounded(field) ? field.maxCount() : 0;
    }
    return field.count() == null ? 0 : field.count();
  }

  private void tests() {
    line("#[cfg(test)]");
    line("mod tests {");
    line("    use super::*;");
    line("");
    line("    #[test]");
    line("    fn every_request_number_maps_back_to_its_request() {");
    for (MessageTable table : registry.messageTables()) {
      boolean front = table == registry.frontEnd();
      String type = front ? style.frontEnd() : style.backEnd();
      String prefix = front ? "VHOST_USER_" : "VHOST_USER_BACKEND_";
      for (Message m : table.messages()) {
        if (m.status().isTentative()) {
          continue;
        }
        String variant = type + "::" + variant(m.name(), prefix);
        call("        ", "assert_eq!", type + "::try_from(" + m.id() + ")", "Ok(" + variant + ")");
        call("        ", "assert_eq!", "u32::from(" + variant + ")", String.valueOf(m.id()));
        call("        ", "assert_eq!", variant + ".name()", "\"" + m.name() + "\"");
      }
      call("        ", "assert_eq!", type + "::try_from(u32::MAX)", "Err(u32::MAX)");
    }
    line("    }");
    line("");
    line("    /// The offset of a field inside a packed struct, without reading it.");
    line("    macro_rules! offset {");
    line("        ($type:ty, $field:ident) => {{");
    line("            let value = core::mem::MaybeUninit::<$type>::uninit();");
    line("            let base = value.as_ptr();");
    line("            let field = unsafe { core::ptr::addr_of!((*base).$field) };");
    line("            field as *const u8 as usize - base as *const u8 as usize");
    line("        }};");
    line("    }");
    line("");
    line("    #[test]");
    line("    fn payload_fields_sit_at_the_offsets_of_the_specification() {");
    for (Payload p : registry.payloads()) {
      Layouts.PayloadLayout layout = layouts.of(p.name()).orElseThrow();
      for (Layouts.FieldLayout f : layout.fields()) {
        if (f.field().flexible() && !bounded(f.field())) {
          continue;
        }
        call("        ", "assert_eq!", "offset!(" + payloadName(p.name()) + ", "
            + Names.rustField(fieldName(p.name(), f.field().name())) + ")",
            String.valueOf(f.offset()));
      }
    }
    line("    }");
    Feature first = registry.protocolFeatures().features().stream()
        .filter(f -> !f.status().isTentative()).findFirst().orElse(null);
    if (!style.protocolFeatures().isEmpty() && first != null) {
      String type = style.protocolFeatures();
      String bit = type + "::" + memberName(first.name(), "VHOST_USER_PROTOCOL_F_");
      line("");
      line("    #[test]");
      line("    fn feature_sets_combine_and_report_unknown_bits() {");
      line("        let mut set = " + type + "::empty() | " + bit + ";");
      line("        assert!(set.contains(" + bit + "));");
      call("        ", "assert_eq!", "set.bits()", mask(1L << first.bit()));
      line("        set -= " + bit + ";");
      line("        assert!(set.is_empty());");
      call("        ", "assert_eq!", type + "::from_bits_retain(1 << 63).unknown()", "1 << 63");
      call("        ", "assert_eq!", type + "::from_bits(1 << 63)", "None");
      call("        ", "assert_eq!", type + "::all().unknown()", "0");
      call("        ", "assert_eq!", "!" + type + "::all()", type + "::empty()");
      line("    }");
    }
    line("}");
  }

  /** A match arm, wrapped as rustfmt wraps one that is too long for a line. */
  private void arm(String indent, String pattern, String value) {
    String one = indent + pattern + " => " + value + ",";
    if (one.length() <= WIDTH) {
      line(one);
    } else {
      line(indent + pattern + " => {");
      line(indent + "    " + value);
      line(indent + "}");
    }
  }

  /**
   * A macro call, one line when it fits, else one argument a line as rustfmt writes it (rustfmt
   * breaks a call whose arguments take more than 60 columns, its default fn_call_width).
   */
  private void call(String indent, String macro, String... arguments) {
    String joined = String.join(", ", arguments);
    String one = indent + macro + "(" + joined + ");";
    if (one.length() <= WIDTH && joined.length() <= CALL_WIDTH) {
      line(one);
      return;
    }
    line(indent + macro + "(");
    for (String argument : arguments) {
      line(indent + "    " + argument + ",");
    }
    line(indent + ");");
  }

  private void cfg(String indent, Status status) {
    if (status.isTentative()) {
      line(indent + "#[cfg(" + style.proposedCfg() + ")]");
    }
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

  private String element(Field field) {
    return Primitive.named(field.type().name()).map(Primitive::yamlName)
        .orElseGet(() -> payloadName(field.type().name()));
  }

  private String rustType(Field field) {
    long length = arrayLength(field);
    return length == 0 && !field.isArray() ? element(field) : "[" + element(field) + "; "
        + (field.flexible() ? field.maxCount() : field.count()) + "]";
  }

  /** The common prefix of member names up to an underscore ({@code VHOST_IOTLB_}). */
  private static String commonPrefix(List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    String common = names.get(0);
    for (String name : names) {
      int i = 0;
      while (i < common.length() && i < name.length() && common.charAt(i) == name.charAt(i)) {
        i++;
      }
      common = common.substring(0, i);
    }
    int cut = common.lastIndexOf('_');
    String prefix = cut < 0 ? "" : common.substring(0, cut + 1);
    boolean allValid = names.stream().map(n -> n.substring(prefix.length()))
        .allMatch(rest -> !rest.isEmpty() && !Character.isDigit(rest.charAt(0)));
    return allValid ? prefix : "";
  }

  private static long memberMask(EnumMember m) {
    Long value = m.numericValue();
    return value == null ? 0 : value;
  }

  /** The value of a top-level flag constant: a bit number for _F_ names, else the mask. */
  private static String plainValue(EnumMember m) {
    if (m.value() != null) {
      return String.valueOf(m.value());
    }
    if (m.bit() != null) {
      return m.name().contains("_F_") ? String.valueOf(m.bit()) : mask(1L << m.bit());
    }
    return "0x" + Long.toHexString(m.mask());
  }

  /** A single-bit mask as {@code 1 << n} (plain 1 for bit 0, which clippy would flag). */
  private static String mask(long value) {
    if (Long.bitCount(value) == 1) {
      int bit = Long.numberOfTrailingZeros(value);
      return bit == 0 ? "1" : "1 << " + bit;
    }
    return hex(value);
  }

  private static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }

  private void doc(String indent, String text) {
    String summary = Names.doc(text);
    if (!summary.isEmpty()) {
      line(indent + "/// " + summary);
    }
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

}
